//
// libFuzzer target for the TensorFlow Lite parser: parse the input as a .tflite file; when that succeeds, optimize
// the network for CpuRef and load it. Every armnn::Exception is an accepted answer to a malformed file; anything
// else (a crash, a sanitizer report, another exception escaping, a timeout, running out of memory) is a bug.
// Built by scripts/fuzz.sh (clang, -fsanitize=fuzzer,address,undefined); see docs/tflite-parser.md.
//
#include "tflite_generated.h"

#include <armnn/ArmNN.hpp>
#include <armnnTfLiteParser/ITfLiteParser.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace
{

/// Loading a network allocates what its tensors declare, as LiteRT's AllocateTensors does: a 448-byte file can
/// declare an 8 GiB intermediate tensor (the fuzzer found one, a MEAN over 2^31 elements). Such models are parsed
/// and optimized but not loaded; the limit is on the sum of subgraph 0's tensor sizes. Called after a successful
/// parse, so the file is verified and every shape is valid.
constexpr uint64_t kMaxLoadBytes = 256u << 20;

bool SmallEnoughToLoad(const uint8_t* data)
{
    const auto* model = tflite_format::GetModel(data);
    const auto* tensors = model->subgraphs()->Get(0)->tensors();
    uint64_t total = 0;
    for (flatbuffers::uoffset_t i = 0; tensors && i < tensors->size(); ++i)
    {
        uint64_t bytes = 8; // the largest element size
        const auto* shape = tensors->Get(i)->shape();
        for (flatbuffers::uoffset_t d = 0; shape && d < shape->size(); ++d)
        {
            bytes *= static_cast<uint64_t>(std::max(shape->Get(d), 1));
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

void OptimizeAndLoad(armnn::INetwork& network, bool load)
{
    armnn::IRuntime& runtime = Runtime();
    std::vector<std::string> messages;
    armnn::IOptimizedNetworkPtr optimized =
        armnn::Optimize(network, {armnn::BackendId("CpuRef")}, runtime.GetDeviceSpec(),
                        armnn::OptimizerOptionsOpaque(), armnn::Optional<std::vector<std::string>&>(messages));
    if (!optimized || !load)
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
            OptimizeAndLoad(*network, SmallEnoughToLoad(model.data()));
        }
    }
    catch (const armnn::Exception&)
    {
        // A malformed or unsupported model: the expected answer.
    }
    return 0;
}
