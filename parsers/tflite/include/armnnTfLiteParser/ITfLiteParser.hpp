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

        /// Accept operator outputs whose shape in the model differs from the computed one only by dimensions of
        /// size 1 (Arm NN's AllowExpandedDims network option; a Reshape gives consumers the model's shape).
        bool m_AllowExpandedDims;
        /// Turn operators this parser does not support into StandIn layers instead of failing
        /// (Optimize then names them unless a backend claims them).
        bool m_StandInLayerForUnsupported;
        /// Infer the shapes of operator outputs the model leaves dynamic (shape_signature -1 dimensions, unknown
        /// rank) from their layers' inputs while building; output binding infos then carry the inferred shapes.
        bool m_InferAndValidate;
    };

    static ITfLiteParser* CreateRaw(const armnn::Optional<TfLiteParserOptions>& options = armnn::EmptyOptional());
    static ITfLiteParserPtr Create(const armnn::Optional<TfLiteParserOptions>& options = armnn::EmptyOptional());
    static void Destroy(ITfLiteParser* parser);

    /// @throws armnn::FileNotFoundException when the file cannot be read; armnn::ParseException when it is not a
    ///         valid model or uses an unsupported operator (unless m_StandInLayerForUnsupported).
    armnn::INetworkPtr CreateNetworkFromBinaryFile(const char* graphFile);
    armnn::INetworkPtr CreateNetworkFromBinary(const std::vector<uint8_t>& binaryContent);

    /// Binding id ((tensor index << 8) + subgraph id) and TensorInfo of a subgraph input or output, by tensor name.
    /// Any subgraph may be asked about; the network is built from subgraph 0.
    /// @throws armnn::ParseException for an unknown subgraph or name, or before a model was parsed.
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
