//
// libFuzzer target for the ONNX parser: parse the input as a binary .onnx model; when that succeeds, optimize the
// network for CpuRef and load it. Every armnn::Exception is an accepted answer to a malformed file; anything else
// (a crash, a sanitizer report, another exception escaping, a timeout, running out of memory) is a bug.
// Built and run by scripts/fuzz.sh (clang, -fsanitize=fuzzer,address,undefined); see docs/onnx-parser.md.
//
#include <armnn/ArmNN.hpp>
#include <armnnOnnxParser/IOnnxParser.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>
#include <vector>

namespace
{

/// Loading allocates every intermediate tensor; the parser accepts tensors up to 2^30 elements, so a small file can
/// ask for gigabytes (an Expand or a ConstantOfShape). Such networks are optimized but not loaded. The bound is
/// the sum of the edge shapes of the optimized graph, read from its Graphviz text (edges are labelled "[d0,d1,...]"),
/// the only public view of the shapes of intermediate tensors.
constexpr uint64_t kMaxLoadBytes = 256u << 20;

bool SmallEnoughToLoad(const armnn::IOptimizedNetwork& network)
{
    std::ostringstream dot;
    network.SerializeToDot(dot);
    const std::string text = dot.str();
    uint64_t total = 0;
    for (size_t at = text.find("[label=< ["); at != std::string::npos; at = text.find("[label=< [", at + 1))
    {
        uint64_t bytes = 8; // the largest element size
        std::istringstream dims(text.substr(at + 10, text.find(']', at + 10) - at - 10));
        for (std::string d; std::getline(dims, d, ',');)
        {
            bytes *= std::max<uint64_t>(std::stoull(d), 1);
            if (bytes > kMaxLoadBytes)
            {
                return false;
            }
        }
        total += bytes;
        if (total > kMaxLoadBytes)
        {
            return false;
        }
    }
    return true;
}

armnn::IRuntime& Runtime()
{
    // One runtime for the whole run: creating it loads the backend plugins.
    static armnn::IRuntimePtr runtime = armnn::IRuntime::Create(armnn::IRuntime::CreationOptions());
    return *runtime;
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***)
{
    armnn::ConfigureLogging(false, false, armnn::LogSeverity::Fatal);
    Runtime();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const std::vector<uint8_t> model(data, data + size);
    try
    {
        armnnOnnxParser::IOnnxParserPtr parser = armnnOnnxParser::IOnnxParser::Create();
        armnn::INetworkPtr network = parser->CreateNetworkFromBinary(model);
        armnn::IRuntime& runtime = Runtime();
        std::vector<std::string> messages;
        armnn::IOptimizedNetworkPtr optimized =
            armnn::Optimize(*network, {armnn::BackendId("CpuRef")}, runtime.GetDeviceSpec(),
                            armnn::OptimizerOptionsOpaque(), armnn::Optional<std::vector<std::string>&>(messages));
        if (optimized && SmallEnoughToLoad(*optimized))
        {
            armnn::NetworkId id = 0;
            std::string error;
            if (runtime.LoadNetwork(id, std::move(optimized), error) == armnn::Status::Success)
            {
                runtime.UnloadNetwork(id);
            }
        }
    }
    catch (const armnn::Exception&)
    {
        // A malformed or unsupported model: the expected answer.
    }
    return 0;
}
