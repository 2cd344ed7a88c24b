//
// Times one .tflite network on our backends for tests/benchmarks/benchmark_networks.py, which runs it once per
// engine in its own process so that the peak RSS belongs to that engine alone.
// Usage: NetworkBenchmark MODEL BACKENDS THREADS WARMUP RUNS [INPUT]
//        NetworkBenchmark --peak-fma   (one core's measured FP32 FMA throughput, for the peak the table quotes)
//   BACKENDS: comma-separated, e.g. CpuAcc,CpuRef; THREADS: CpuAcc's NumberOfThreads (0: its default);
//   INPUT: raw bytes of the (single) input tensor, as the peers get them; without it, zeros.
// Prints one JSON object: load_ms (parse + Optimize + LoadNetwork), the time of each timed run in ms, and the
// layers each backend got.
//
#include <armnn/ArmNN.hpp>
#include <armnnTfLiteParser/ITfLiteParser.hpp>

#include <immintrin.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <iterator>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace
{

using Clock = std::chrono::steady_clock;

double MillisecondsSince(Clock::time_point start)
{
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

std::vector<armnn::BackendId> SplitBackends(const std::string& text)
{
    std::vector<armnn::BackendId> backends;
    std::stringstream stream(text);
    std::string item;
    while (std::getline(stream, item, ','))
    {
        backends.emplace_back(item);
    }
    return backends;
}

unsigned ParseUnsigned(const char* text, const char* what)
{
    char* end = nullptr;
    const unsigned long value = std::strtoul(text, &end, 10);
    if (end == text || *end != '\0' || value > 1000000)
    {
        throw armnn::InvalidArgumentException(std::string(what) + ": '" + text + "' is not a count");
    }
    return static_cast<unsigned>(value);
}

// Independent FMA chains: enough to cover the FMA latency times the FMA pipes of current x86 cores.
constexpr int kFmaChains = 12;
constexpr long kFmaIterations = 20000000;

/// Runs kFmaIterations x kFmaChains dependent-per-chain 512-bit FMAs; returns a sum so nothing is optimized away.
__attribute__((target("avx512f"))) float FmaLoopAvx512()
{
    __m512 acc[kFmaChains];
    for (int i = 0; i < kFmaChains; ++i)
    {
        acc[i] = _mm512_set1_ps(static_cast<float>(i));
    }
    const __m512 a = _mm512_set1_ps(0.999999f);
    const __m512 b = _mm512_set1_ps(1e-7f);
    for (long n = 0; n < kFmaIterations; ++n)
    {
        for (int i = 0; i < kFmaChains; ++i)
        {
            acc[i] = _mm512_fmadd_ps(acc[i], a, b);
        }
    }
    alignas(64) float lanes[16];
    float sum = 0.0f;
    for (int i = 0; i < kFmaChains; ++i)
    {
        _mm512_store_ps(lanes, acc[i]);
        for (float v : lanes)
        {
            sum += v;
        }
    }
    return sum;
}

/// The same with 256-bit FMAs (AVX2 + FMA machines).
__attribute__((target("avx2,fma"))) float FmaLoopAvx2()
{
    __m256 acc[kFmaChains];
    for (int i = 0; i < kFmaChains; ++i)
    {
        acc[i] = _mm256_set1_ps(static_cast<float>(i));
    }
    const __m256 a = _mm256_set1_ps(0.999999f);
    const __m256 b = _mm256_set1_ps(1e-7f);
    for (long n = 0; n < kFmaIterations; ++n)
    {
        for (int i = 0; i < kFmaChains; ++i)
        {
            acc[i] = _mm256_fmadd_ps(acc[i], a, b);
        }
    }
    alignas(32) float lanes[8];
    float sum = 0.0f;
    for (int i = 0; i < kFmaChains; ++i)
    {
        _mm256_store_ps(lanes, acc[i]);
        for (float v : lanes)
        {
            sum += v;
        }
    }
    return sum;
}

/// One core's FP32 FMA throughput in GFLOP/s, best of three timed loops (the clock the core really runs at,
/// boost included, which /proc/cpuinfo does not show).
int PeakFma()
{
    const bool avx512 = __builtin_cpu_supports("avx512f");
    if (!avx512 && !(__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma")))
    {
        std::printf("{\"gflops_per_core\": null, \"isa\": \"none\"}\n");
        return 0;
    }
    const int lanes = avx512 ? 16 : 8;
    double best = 0.0;
    float sink = 0.0f;
    for (int round = 0; round < 3; ++round)
    {
        const Clock::time_point start = Clock::now();
        sink += avx512 ? FmaLoopAvx512() : FmaLoopAvx2();
        const double seconds = MillisecondsSince(start) / 1e3;
        best = std::max(best, 2.0 * lanes * kFmaChains * static_cast<double>(kFmaIterations) / seconds / 1e9);
    }
    std::printf("{\"gflops_per_core\": %.1f, \"isa\": \"%s\", \"sink\": %g}\n", best,
                avx512 ? "avx512f" : "avx2+fma", static_cast<double>(sink));
    return 0;
}

/// Layers per backend, inputs and outputs not counted, from the optimized graph's Graphviz text (the public view
/// of the assignment); lines read: <guid> [label="{<LayerType>|Name: ...|BackendID: <backend>...}"];
std::map<std::string, unsigned> LayersPerBackend(const armnn::IOptimizedNetwork& network)
{
    std::stringstream dot;
    network.SerializeToDot(dot);
    std::map<std::string, unsigned> counts;
    for (std::string line; std::getline(dot, line);)
    {
        const size_t type = line.find("[label=\"{");
        const size_t backend = line.find("BackendID: ");
        if (type == std::string::npos || backend == std::string::npos)
        {
            continue;
        }
        const std::string layerType = line.substr(type + 9, line.find('|', type) - type - 9);
        if (layerType != "Input" && layerType != "Output")
        {
            const size_t start = backend + 11;
            ++counts[line.substr(start, line.find_first_of("|}\"", start) - start)];
        }
    }
    return counts;
}

int Run(int argc, char** argv)
{
    if (argc < 6 || argc > 7)
    {
        std::cerr << "usage: NetworkBenchmark MODEL BACKENDS THREADS WARMUP RUNS [INPUT]\n";
        return 2;
    }
    const std::string modelPath = argv[1];
    const std::vector<armnn::BackendId> backends = SplitBackends(argv[2]);
    const unsigned threads = ParseUnsigned(argv[3], "THREADS");
    const unsigned warmup = ParseUnsigned(argv[4], "WARMUP");
    const unsigned runs = ParseUnsigned(argv[5], "RUNS");

    const auto loadStart = Clock::now();
    armnnTfLiteParser::ITfLiteParserPtr parser = armnnTfLiteParser::ITfLiteParser::Create();
    armnn::INetworkPtr network = parser->CreateNetworkFromBinaryFile(modelPath.c_str());
    const std::vector<std::string> inputNames = parser->GetSubgraphInputTensorNames(0);
    const std::vector<std::string> outputNames = parser->GetSubgraphOutputTensorNames(0);
    if (inputNames.size() != 1)
    {
        throw armnn::InvalidArgumentException("'" + modelPath + "' has " + std::to_string(inputNames.size()) +
                                              " inputs; the benchmark feeds exactly one");
    }
    // The bindings are all the parser is needed for: without it (it keeps a copy of the file), and without the
    // INetwork after Optimize, weights are alive once, then packed, at LoadNetwork, as in an application that
    // does the same.
    armnn::BindingPointInfo inputBinding = parser->GetNetworkInputBindingInfo(0, inputNames[0]);
    std::vector<armnn::BindingPointInfo> outputBindings;
    for (const std::string& name : outputNames)
    {
        outputBindings.push_back(parser->GetNetworkOutputBindingInfo(0, name));
    }
    parser.reset();
    armnn::IRuntimePtr runtime = armnn::IRuntime::Create(armnn::IRuntime::CreationOptions());
    armnn::OptimizerOptionsOpaque options;
    if (threads != 0)
    {
        options.AddModelOption(armnn::BackendOptions("CpuAcc", {{"NumberOfThreads", threads}}));
    }
    armnn::IOptimizedNetworkPtr optimized = armnn::Optimize(*network, backends, runtime->GetDeviceSpec(), options);
    network.reset(); // LoadNetwork releases weights as their workloads pack them (IWorkload::PackedConstantInputs)
    const std::map<std::string, unsigned> layers = LayersPerBackend(*optimized);
    armnn::NetworkId networkId = 0;
    std::string error;
    if (runtime->LoadNetwork(networkId, std::move(optimized), error, armnn::INetworkProperties(false,
            armnn::MemorySource::Undefined, armnn::MemorySource::Undefined)) != armnn::Status::Success)
    {
        throw armnn::RuntimeException("LoadNetwork failed: " + error);
    }
    const double loadMs = MillisecondsSince(loadStart);

    std::vector<char> inputData(inputBinding.second.GetNumBytes(), 0);
    if (argc == 7)
    {
        std::ifstream file(argv[6], std::ios::binary);
        if (!file)
        {
            throw armnn::InvalidArgumentException(std::string("cannot open the input file '") + argv[6] + "'");
        }
        std::vector<char> bytes((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
        if (bytes.size() != inputData.size())
        {
            throw armnn::InvalidArgumentException(std::string("input file '") + argv[6] + "' has " +
                                                  std::to_string(bytes.size()) + " bytes; the input needs " +
                                                  std::to_string(inputData.size()));
        }
        inputData = std::move(bytes);
    }
    inputBinding.second.SetConstant(true);
    armnn::InputTensors inputs{{inputBinding.first, armnn::ConstTensor(inputBinding.second, inputData.data())}};
    std::vector<std::vector<char>> outputData;
    armnn::OutputTensors outputs;
    for (const armnn::BindingPointInfo& binding : outputBindings)
    {
        outputData.emplace_back(binding.second.GetNumBytes());
        outputs.emplace_back(binding.first, armnn::Tensor(binding.second, outputData.back().data()));
    }

    std::vector<double> times;
    for (unsigned i = 0; i < warmup + runs; ++i)
    {
        const auto start = Clock::now();
        if (runtime->EnqueueWorkload(networkId, inputs, outputs) != armnn::Status::Success)
        {
            throw armnn::RuntimeException("EnqueueWorkload failed in run " + std::to_string(i + 1));
        }
        if (i >= warmup)
        {
            times.push_back(MillisecondsSince(start));
        }
    }

    std::printf("{\"load_ms\": %.3f, \"times_ms\": [", loadMs);
    for (size_t i = 0; i < times.size(); ++i)
    {
        std::printf("%s%.4f", i == 0 ? "" : ", ", times[i]);
    }
    std::printf("], \"layers\": {");
    bool first = true;
    for (const auto& [backend, count] : layers)
    {
        std::printf("%s\"%s\": %u", first ? "" : ", ", backend.c_str(), count);
        first = false;
    }
    std::printf("}}\n");
    return 0;
}

} // namespace

int main(int argc, char** argv)
{
    try
    {
        if (argc == 2 && std::string(argv[1]) == "--peak-fma")
        {
            return PeakFma();
        }
        return Run(argc, argv);
    }
    catch (const std::exception& e)
    {
        std::cerr << "NetworkBenchmark: " << e.what() << "\n";
        return 1;
    }
}
