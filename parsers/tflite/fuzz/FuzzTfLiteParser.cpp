//
// libFuzzer target for the TensorFlow Lite parser: parse the input as a .tflite file; when that succeeds, optimize
// the network for CpuRef and load it. Every armnn::Exception is an accepted answer to a malformed file; anything
// else (a crash, a sanitizer report, another exception escaping, a timeout, running out of memory) is a bug.
// Built by scripts/fuzz.sh (clang, -fsanitize=fuzzer,address,undefined); see docs/tflite-parser.md.
//
#include <armnn/ArmNN.hpp>
#include <armnnTfLiteParser/ITfLiteParser.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace
{

armnn::IRuntime& Runtime()
{
    // One runtime for the whole run: creating it loads the backend plugins.
    static armnn::IRuntimePtr runtime = armnn::IRuntime::Create(armnn::IRuntime::CreationOptions());
    return *runtime;
}

void OptimizeAndLoad(armnn::INetwork& network)
{
    armnn::IRuntime& runtime = Runtime();
    std::vector<std::string> messages;
    armnn::IOptimizedNetworkPtr optimized =
        armnn::Optimize(network, {armnn::BackendId("CpuRef")}, runtime.GetDeviceSpec(),
                        armnn::OptimizerOptionsOpaque(), armnn::Optional<std::vector<std::string>&>(messages));
    if (!optimized)
    {
        return;
    }
    armnn::NetworkId id = 0;
    std::string error;
    if (runtime.LoadNetwork(id, std::move(optimized), error) == armnn::Status::Success)
    {
        runtime.UnloadNetwork(id);
    }
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
        armnnTfLiteParser::ITfLiteParserPtr parser = armnnTfLiteParser::ITfLiteParser::Create();
        armnn::INetworkPtr network = parser->CreateNetworkFromBinary(model);
        if (network)
        {
            OptimizeAndLoad(*network);
        }
    }
    catch (const armnn::Exception&)
    {
        // A malformed or unsupported model: the expected answer.
    }
    return 0;
}
