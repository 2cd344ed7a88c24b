//
// IOnnxParser: builds an armnn::INetwork from an ONNX model (.onnx), with Arm NN's armnnOnnxParser API.
//
// Model files are untrusted. Every malformed or unsupported model gives an armnn::ParseException whose message
// names the node, its operator type and the tensor involved; nothing crashes. Files that cannot be opened give an
// armnn::FileNotFoundException. Shapes are resolved when parsing: dynamic input dimensions are taken from the
// inputShapes overloads and every tensor of the returned network has a fully specified TensorInfo.
// Semantics, supported operators and layout choices: docs/onnx-parser.md.
//
#pragma once

#include <armnn/INetwork.hpp>
#include <armnn/NetworkFwd.hpp>
#include <armnn/Tensor.hpp>

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace armnnOnnxParser
{

using BindingPointInfo = armnn::BindingPointInfo;

class OnnxParserImpl;
class IOnnxParser;
using IOnnxParserPtr = std::unique_ptr<IOnnxParser, void (*)(IOnnxParser* parser)>;

class IOnnxParser
{
public:
    /// The caller owns the parser; destroy a raw one with Destroy.
    static IOnnxParser* CreateRaw();
    static IOnnxParserPtr Create();
    static void Destroy(IOnnxParser* parser);

    /// Each call parses one model and returns a new network that the caller owns; the binding infos of the last
    /// parsed model stay queryable until the next call. External tensor data is read only from files inside the
    /// model file's folder (never from a string or a buffer).
    /// @throws armnn::FileNotFoundException when the file cannot be read; armnn::ParseException otherwise.
    armnn::INetworkPtr CreateNetworkFromBinaryFile(const char* graphFile);
    armnn::INetworkPtr CreateNetworkFromBinary(const std::vector<uint8_t>& binaryContent);
    armnn::INetworkPtr CreateNetworkFromTextFile(const char* graphFile);
    armnn::INetworkPtr CreateNetworkFromString(const std::string& protoText);

    /// As above; inputShapes gives the full shape of graph inputs by name, which fixes their dynamic dimensions
    /// (a given shape must agree with the model's fixed dimensions).
    armnn::INetworkPtr CreateNetworkFromBinaryFile(const char* graphFile,
                                                   const std::map<std::string, armnn::TensorShape>& inputShapes);
    armnn::INetworkPtr CreateNetworkFromBinary(const std::vector<uint8_t>& binaryContent,
                                               const std::map<std::string, armnn::TensorShape>& inputShapes);
    armnn::INetworkPtr CreateNetworkFromTextFile(const char* graphFile,
                                                 const std::map<std::string, armnn::TensorShape>& inputShapes);
    armnn::INetworkPtr CreateNetworkFromString(const std::string& protoText,
                                               const std::map<std::string, armnn::TensorShape>& inputShapes);

    /// Binding id and TensorInfo of a graph input or output of the last parsed model, by ONNX value name.
    /// Binding ids are the input's (output's) position in the graph's input (output) list, initializers excluded.
    /// @throws armnn::ParseException for an unknown name.
    BindingPointInfo GetNetworkInputBindingInfo(const std::string& name) const;
    BindingPointInfo GetNetworkOutputBindingInfo(const std::string& name) const;

private:
    IOnnxParser();
    ~IOnnxParser();

    std::unique_ptr<OnnxParserImpl> pOnnxParserImpl;
};

} // namespace armnnOnnxParser
