//
// ITfLiteParser: builds an armnn::INetwork from a TensorFlow Lite (.tflite) model, as Arm NN's parser does.
// Model files are untrusted: every malformed file gives an armnn::ParseException naming the subgraph, operator
// index, operator, tensor and what is wrong; nothing crashes.
//
#pragma once

#include <armnn/INetwork.hpp>
#include <armnn/NetworkFwd.hpp>
#include <armnn/Optional.hpp>
#include <armnn/Tensor.hpp>

#include <memory>
#include <string>
#include <vector>

namespace armnnTfLiteParser
{

using BindingPointInfo = armnn::BindingPointInfo;

class TfLiteParserImpl;
class ITfLiteParser;
using ITfLiteParserPtr = std::unique_ptr<ITfLiteParser, void (*)(ITfLiteParser* parser)>;

class ITfLiteParser
{
public:
    struct TfLiteParserOptions
    {
        TfLiteParserOptions() : m_AllowExpandedDims(false), m_StandInLayerForUnsupported(false), m_InferAndValidate(false)
        {}

        /// Accept tensors whose rank exceeds what an operator expects when the extra dimensions are 1.
        bool m_AllowExpandedDims;
        /// Turn operators this parser does not support into StandIn layers instead of failing
        /// (Optimize then names them unless a backend claims them).
        bool m_StandInLayerForUnsupported;
        /// Infer output shapes the model leaves dynamic.
        bool m_InferAndValidate;
    };

    static ITfLiteParser* CreateRaw(const armnn::Optional<TfLiteParserOptions>& options = armnn::EmptyOptional());
    static ITfLiteParserPtr Create(const armnn::Optional<TfLiteParserOptions>& options = armnn::EmptyOptional());
    static void Destroy(ITfLiteParser* parser);

    /// @throws armnn::FileNotFoundException when the file cannot be read; armnn::ParseException when it is not a
    ///         valid model or uses an unsupported operator (unless m_StandInLayerForUnsupported).
    armnn::INetworkPtr CreateNetworkFromBinaryFile(const char* graphFile);
    armnn::INetworkPtr CreateNetworkFromBinary(const std::vector<uint8_t>& binaryContent);

    /// Binding id and TensorInfo of a subgraph input or output, by tensor name.
    /// @throws armnn::ParseException for an unknown subgraph or name.
    BindingPointInfo GetNetworkInputBindingInfo(size_t subgraphId, const std::string& name) const;
    BindingPointInfo GetNetworkOutputBindingInfo(size_t subgraphId, const std::string& name) const;

    size_t GetSubgraphCount() const;
    std::vector<std::string> GetSubgraphInputTensorNames(size_t subgraphId) const;
    std::vector<std::string> GetSubgraphOutputTensorNames(size_t subgraphId) const;

private:
    ITfLiteParser(const armnn::Optional<TfLiteParserOptions>& options = armnn::EmptyOptional());
    ~ITfLiteParser();

    std::unique_ptr<TfLiteParserImpl> pTfLiteParserImpl;
};

} // namespace armnnTfLiteParser
