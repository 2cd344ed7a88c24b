//
// ExecuteNetwork: loads a model file, optimizes it for the chosen backends, runs it a number of times and prints
// timings and outputs. Arm NN's command line (see docs/execute-network.md and --help).
// Exit codes: 0 success; 1 an error while loading or running; 2 a command-line mistake; 3 the model could not be
// parsed (malformed, or an operator or type the parser does not support).
//
#include "ExecuteNetworkParams.hpp"
#include "TensorFiles.hpp"

#include <armnn/ArmNN.hpp>

#if defined(ARMNN_TF_LITE_PARSER)
#include <armnnTfLiteParser/ITfLiteParser.hpp>
#endif
#if defined(ARMNN_ONNX_PARSER)
#include <armnnOnnxParser/IOnnxParser.hpp>
#endif

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <numeric>
#include <sstream>

namespace
{

enum class ModelFormat
{
    TfLite,
    Onnx,
    ArmnnSerialized
};

/// The format of a model file, from its contents where the format has an identifier.
ModelFormat DetectModelFormat(const std::string& path)
{
    std::ifstream file(path, std::ios::binary);
    if (!file)
    {
        throw armnn::FileNotFoundException("cannot open model file '" + path + "'");
    }
    char head[8] = {};
    file.read(head, sizeof(head));
    const std::string identifier(head + 4, head + 8);
    const std::string extension = std::filesystem::path(path).extension().string();
    // FlatBuffers files carry a 4-byte identifier after the root offset: "TFL3" for TensorFlow Lite, "ARMN" for
    // Arm NN's serialized networks. ONNX files are plain protobuf, without a magic number.
    if (file.gcount() == sizeof(head) && identifier == "TFL3")
    {
        return ModelFormat::TfLite;
    }
    if ((file.gcount() == sizeof(head) && identifier == "ARMN") || extension == ".armnn")
    {
        return ModelFormat::ArmnnSerialized;
    }
    if (extension == ".onnx")
    {
        return ModelFormat::Onnx;
    }
    throw armnn::ParseException("'" + path + "' is not a model file ExecuteNetwork recognises: expected a "
                                "TensorFlow Lite flatbuffer (identifier TFL3), a .onnx or a .armnn file");
}

/// A parsed network with its chosen inputs and outputs, in binding order.
struct ParsedModel
{
    armnn::INetworkPtr m_Network{nullptr, nullptr};
    std::vector<std::string> m_InputNames;
    std::vector<armnn::BindingPointInfo> m_Inputs;
    std::vector<std::string> m_OutputNames;
    std::vector<armnn::BindingPointInfo> m_Outputs;
};

ParsedModel ParseOnnxModel(const ExecuteNetworkParams& params)
{
#if defined(ARMNN_ONNX_PARSER)
    // As in Arm NN, the ONNX parser's API does not list a graph's inputs and outputs: -i and -o name them.
    if (params.m_InputNames.empty() || params.m_OutputNames.empty())
    {
        throw armnn::InvalidArgumentException("'" + params.m_ModelPath +
                                              "': ONNX models need their input and output names (-i and -o)");
    }
    std::map<std::string, armnn::TensorShape> shapes;
    for (size_t i = 0; i < params.m_InputTensorShapes.size() && i < params.m_InputNames.size(); ++i)
    {
        shapes[params.m_InputNames[i]] = params.m_InputTensorShapes[i];
    }
    armnnOnnxParser::IOnnxParserPtr parser = armnnOnnxParser::IOnnxParser::Create();
    ParsedModel model;
    model.m_Network = parser->CreateNetworkFromBinaryFile(params.m_ModelPath.c_str(), shapes);
    model.m_InputNames = params.m_InputNames;
    model.m_OutputNames = params.m_OutputNames;
    for (const std::string& name : model.m_InputNames)
    {
        model.m_Inputs.push_back(parser->GetNetworkInputBindingInfo(name));
    }
    for (const std::string& name : model.m_OutputNames)
    {
        model.m_Outputs.push_back(parser->GetNetworkOutputBindingInfo(name));
    }
    return model;
#else
    throw armnn::ParseException("'" + params.m_ModelPath + "': this ExecuteNetwork was built without the ONNX parser");
#endif
}

ParsedModel ParseModel(const ExecuteNetworkParams& params)
{
    switch (DetectModelFormat(params.m_ModelPath))
    {
        case ModelFormat::Onnx:
            return ParseOnnxModel(params);
        case ModelFormat::ArmnnSerialized:
            throw armnn::ParseException("'" + params.m_ModelPath +
                                        "': serialized Arm NN networks are not supported yet (no deserializer)");
        case ModelFormat::TfLite: break;
    }
#if defined(ARMNN_TF_LITE_PARSER)
    using armnnTfLiteParser::ITfLiteParser;
    ITfLiteParser::TfLiteParserOptions options;
    options.m_InferAndValidate = params.m_InferOutputShape;
    options.m_AllowExpandedDims = params.m_AllowExpandedDims;
    armnnTfLiteParser::ITfLiteParserPtr parser = ITfLiteParser::Create(options);
    ParsedModel model;
    model.m_Network = parser->CreateNetworkFromBinaryFile(params.m_ModelPath.c_str());
    model.m_InputNames = params.m_InputNames.empty() ? parser->GetSubgraphInputTensorNames(0) : params.m_InputNames;
    model.m_OutputNames =
        params.m_OutputNames.empty() ? parser->GetSubgraphOutputTensorNames(0) : params.m_OutputNames;
    for (const std::string& name : model.m_InputNames)
    {
        model.m_Inputs.push_back(parser->GetNetworkInputBindingInfo(0, name));
    }
    for (const std::string& name : model.m_OutputNames)
    {
        model.m_Outputs.push_back(parser->GetNetworkOutputBindingInfo(0, name));
    }
    return model;
#else
    throw armnn::ParseException("'" + params.m_ModelPath +
                                "': this ExecuteNetwork was built without the TensorFlow Lite parser");
#endif
}

/// Layers per backend (inputs and outputs not counted), read from the optimized graph's Graphviz text: the only
/// public view of which backend each layer got.
std::map<std::string, unsigned int> CountLayersPerBackend(const armnn::IOptimizedNetwork& network)
{
    std::ostringstream dot;
    network.SerializeToDot(dot);
    std::map<std::string, unsigned int> counts;
    std::istringstream lines(dot.str());
    for (std::string line; std::getline(lines, line);)
    {
        // Layer lines read: <guid> [label="{<LayerType>|Name: ...|BackendID: <backend>...}"];
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

/// Whether a backend compiled subgraphs into PreCompiled layers: the accelerators, whose workloads may report
/// device figures (the emulated ones' simulated device time).
bool HasPreCompiledLayers(const armnn::IOptimizedNetwork& network)
{
    std::ostringstream dot;
    network.SerializeToDot(dot);
    return dot.str().find("[label=\"{PreCompiled|") != std::string::npos;
}

std::string JoinBackends(const std::vector<armnn::BackendId>& backends)
{
    std::string text;
    for (const armnn::BackendId& id : backends)
    {
        text += (text.empty() ? "" : ", ") + id.Get();
    }
    return text;
}

void PrintTensorInfo(size_t index, const std::string& name, const armnn::TensorInfo& info)
{
    std::cout << "  " << index << ": '" << name << "' " << ShapeString(info.GetShape()) << " " << DescribeType(info)
              << "\n";
}

std::vector<std::string> ReadLabels(const std::string& path)
{
    std::ifstream file(path);
    if (!file)
    {
        throw armnn::FileNotFoundException("cannot open labels file '" + path + "'");
    }
    std::vector<std::string> labels;
    for (std::string line; std::getline(file, line);)
    {
        if (!line.empty() && line.back() == '\r')
        {
            line.pop_back();
        }
        labels.push_back(line);
    }
    return labels;
}

/// "name: v0 v1 ..." as Arm NN prints outputs; quantized outputs get a second, dequantized line.
void PrintOutput(const std::string& name, const TensorBuffer& tensor)
{
    const armnn::TensorInfo& info = tensor.GetInfo();
    const bool isFloat = info.GetDataType() == armnn::DataType::Float32;
    std::cout << name << ": ";
    for (double v : tensor.GetValues())
    {
        if (isFloat)
        {
            std::printf("%f ", v);
        }
        else
        {
            std::printf("%.0f ", v);
        }
    }
    std::printf("\n");
    if (info.IsQuantized())
    {
        std::cout << name << " (dequantized): ";
        for (double v : tensor.GetRealValues())
        {
            std::printf("%f ", v);
        }
        std::printf("\n");
    }
    std::fflush(stdout);
}

void PrintTop(const std::string& name, const TensorBuffer& tensor, unsigned int n,
              const std::vector<std::string>& labels)
{
    const std::vector<double> values = tensor.GetRealValues();
    std::vector<size_t> order(values.size());
    std::iota(order.begin(), order.end(), size_t{0});
    const size_t count = std::min<size_t>(n, values.size());
    // Ties keep the lower index first, so the listing is stable.
    std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(count), order.end(),
                      [&](size_t a, size_t b) { return values[a] > values[b] || (values[a] == values[b] && a < b); });
    std::cout << "Top " << count << " of '" << name << "':\n";
    for (size_t rank = 0; rank < count; ++rank)
    {
        const size_t index = order[rank];
        std::printf("  %zu. [%zu] %-24s %f\n", rank + 1, index, index < labels.size() ? labels[index].c_str() : "",
                    values[index]);
    }
    std::fflush(stdout);
}

double Median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    const size_t n = values.size();
    return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2.0;
}

/// The deploy check: the same network and inputs on CpuRef; per output the largest and mean absolute difference
/// (in stored values: quantization steps for quantized outputs) and the share of values that are equal.
void Verify(armnn::IRuntime& runtime, const ParsedModel& model, const armnn::InputTensors& inputTensors,
            const std::vector<TensorBuffer>& outputs)
{
    armnn::IOptimizedNetworkPtr reference = armnn::Optimize(*model.m_Network, {"CpuRef"}, runtime.GetDeviceSpec());
    armnn::NetworkId id = 0;
    std::string error;
    if (runtime.LoadNetwork(id, std::move(reference), error) != armnn::Status::Success)
    {
        throw armnn::RuntimeException("--verify: LoadNetwork on CpuRef failed: " + error);
    }
    std::vector<TensorBuffer> expected;
    armnn::OutputTensors outputTensors;
    for (size_t i = 0; i < outputs.size(); ++i)
    {
        expected.emplace_back(outputs[i].GetInfo());
    }
    for (size_t i = 0; i < outputs.size(); ++i)
    {
        outputTensors.emplace_back(model.m_Outputs[i].first, armnn::Tensor(expected[i].GetInfo(), expected[i].Data()));
    }
    if (runtime.EnqueueWorkload(id, inputTensors, outputTensors) != armnn::Status::Success)
    {
        throw armnn::RuntimeException("--verify: EnqueueWorkload on CpuRef failed");
    }
    runtime.UnloadNetwork(id);
    for (size_t i = 0; i < outputs.size(); ++i)
    {
        const std::vector<double> got = outputs[i].GetValues();
        const std::vector<double> want = expected[i].GetValues();
        double maxDiff = 0;
        double sumDiff = 0;
        size_t equal = 0;
        for (size_t e = 0; e < got.size(); ++e)
        {
            const double diff = std::fabs(got[e] - want[e]);
            maxDiff = std::max(maxDiff, diff);
            sumDiff += diff;
            equal += diff == 0 ? 1 : 0;
        }
        std::printf("Verify '%s' against CpuRef: max abs diff %g, mean abs diff %g, equal %zu/%zu (%.2f%%)\n",
                    model.m_OutputNames[i].c_str(), maxDiff, got.empty() ? 0.0 : sumDiff / double(got.size()), equal,
                    got.size(), got.empty() ? 100.0 : 100.0 * double(equal) / double(got.size()));
    }
    std::fflush(stdout);
}

int Run(const ExecuteNetworkParams& params)
{
    // Parse first: a bad model file should fail before any backend is loaded.
    ParsedModel model = ParseModel(params);

    armnn::IRuntime::CreationOptions runtimeOptions;
    runtimeOptions.m_DynamicBackendsPath = params.m_DynamicBackendsPath;
    runtimeOptions.m_BackendOptions = params.m_BackendOptions;
    armnn::IRuntimePtr runtime = armnn::IRuntime::Create(runtimeOptions);

    armnn::OptimizerOptionsOpaque optimizerOptions;
    optimizerOptions.SetProfilingEnabled(params.m_EnableProfiling);
    if (params.m_NumberOfThreads != 0)
    {
        optimizerOptions.AddModelOption(
            armnn::BackendOptions("CpuAcc", {{"NumberOfThreads", params.m_NumberOfThreads}}));
    }
    for (const armnn::BackendOptions& options : params.m_BackendOptions)
    {
        optimizerOptions.AddModelOption(options);
    }
    // The requested backends go to Optimize as they are: it skips (and reports) those not loaded. Listing every
    // backend up front would ask each whether it is available, which opens OpenCL for GpuAcc even when unwanted.
    std::vector<std::string> messages;
    armnn::IOptimizedNetworkPtr optimized{nullptr, nullptr};
    try
    {
        optimized = armnn::Optimize(*model.m_Network, params.m_ComputeDevices, runtime->GetDeviceSpec(),
                                    optimizerOptions, messages);
    }
    catch (const armnn::InvalidArgumentException& e)
    {
        if (std::string(e.what()).find("None of the preferred backends") == std::string::npos)
        {
            throw;
        }
        throw armnn::InvalidArgumentException("none of the requested backends (" +
                                              JoinBackends(params.m_ComputeDevices) + ") is available: " + e.what());
    }
    for (const std::string& message : messages)
    {
        std::cerr << "Optimize: " << message << "\n";
    }
    if (!optimized)
    {
        throw armnn::RuntimeException("Optimize returned no network for '" + params.m_ModelPath + "'");
    }
    if (params.m_Visualize)
    {
        std::filesystem::path dotPath(params.m_ModelPath);
        dotPath.replace_extension(".dot");
        std::ofstream dot(dotPath);
        if (!dot || optimized->SerializeToDot(dot) != armnn::Status::Success || !dot.flush())
        {
            throw armnn::RuntimeException("cannot write the optimized graph to '" + dotPath.string() + "'");
        }
        std::cout << "Optimized graph written to " << dotPath.string() << "\n";
    }
    const std::map<std::string, unsigned int> layersPerBackend = CountLayersPerBackend(*optimized);
    const bool hasPreCompiled = HasPreCompiledLayers(*optimized);

    armnn::NetworkId networkId = 0;
    std::string error;
    const armnn::INetworkProperties properties(false, armnn::MemorySource::Undefined, armnn::MemorySource::Undefined,
                                               params.m_EnableProfiling);
    if (runtime->LoadNetwork(networkId, std::move(optimized), error, properties) != armnn::Status::Success)
    {
        throw armnn::RuntimeException("LoadNetwork failed: " + error);
    }

    // The network info block.
    std::cout << "Model: " << params.m_ModelPath << " (TensorFlow Lite)\n";
    std::cout << "Inputs:\n";
    std::vector<TensorBuffer> inputs;
    for (size_t i = 0; i < model.m_Inputs.size(); ++i)
    {
        inputs.emplace_back(runtime->GetInputTensorInfo(networkId, model.m_Inputs[i].first));
        PrintTensorInfo(i, model.m_InputNames[i], inputs.back().GetInfo());
    }
    std::cout << "Outputs:\n";
    std::vector<TensorBuffer> outputs;
    for (size_t i = 0; i < model.m_Outputs.size(); ++i)
    {
        outputs.emplace_back(runtime->GetOutputTensorInfo(networkId, model.m_Outputs[i].first));
        PrintTensorInfo(i, model.m_OutputNames[i], outputs.back().GetInfo());
    }
    std::cout << "Backends requested: " << JoinBackends(params.m_ComputeDevices) << "\n";
    std::cout << "Backends used:";
    for (const auto& [backend, layers] : layersPerBackend)
    {
        std::cout << " " << backend << " (" << layers << " layers)";
    }
    std::cout << std::endl;

    // Inputs: the files given, or the fixed pattern.
    if (!params.m_InputTensorDataFilePaths.empty() && params.m_InputTensorDataFilePaths.size() != inputs.size())
    {
        throw armnn::InvalidArgumentException("-d/--input-tensor-data gives " +
                                              std::to_string(params.m_InputTensorDataFilePaths.size()) +
                                              " file(s); the network has " + std::to_string(inputs.size()) +
                                              " input(s)");
    }
    if (!params.m_InputTensorShapes.empty() && params.m_InputTensorShapes.size() != inputs.size())
    {
        throw armnn::InvalidArgumentException("-s/--input-tensor-shape gives " +
                                              std::to_string(params.m_InputTensorShapes.size()) +
                                              " shape(s); the network has " + std::to_string(inputs.size()) +
                                              " input(s)");
    }
    for (size_t i = 0; i < inputs.size(); ++i)
    {
        const armnn::TensorShape& shape = inputs[i].GetInfo().GetShape();
        // The parser takes input shapes from the model; a shape on the command line can only confirm them.
        if (!params.m_InputTensorShapes.empty() && params.m_InputTensorShapes[i] != shape)
        {
            throw armnn::InvalidArgumentException("-s/--input-tensor-shape: input '" + model.m_InputNames[i] +
                                                  "' has shape " + ShapeString(shape) + " in the model, not " +
                                                  ShapeString(params.m_InputTensorShapes[i]));
        }
        if (params.m_InputTensorDataFilePaths.empty())
        {
            inputs[i].FillPseudoRandom(static_cast<uint32_t>(1234 + i));
        }
        else
        {
            const std::string& path = params.m_InputTensorDataFilePaths[i];
            inputs[i].SetValues(ReadValuesFile(path), params.m_QuantizeInput,
                                "input '" + model.m_InputNames[i] + "' from " + path);
        }
    }

    if (!params.m_OutputTensorFiles.empty() && params.m_OutputTensorFiles.size() != outputs.size())
    {
        throw armnn::InvalidArgumentException("-w/--write-outputs-to-file gives " +
                                              std::to_string(params.m_OutputTensorFiles.size()) +
                                              " file(s); the network has " + std::to_string(outputs.size()) +
                                              " output(s)");
    }

    armnn::InputTensors inputTensors;
    for (size_t i = 0; i < inputs.size(); ++i)
    {
        armnn::TensorInfo info = inputs[i].GetInfo();
        info.SetConstant(true);
        inputTensors.emplace_back(model.m_Inputs[i].first, armnn::ConstTensor(info, inputs[i].Data()));
    }
    armnn::OutputTensors outputTensors;
    for (size_t i = 0; i < outputs.size(); ++i)
    {
        outputTensors.emplace_back(model.m_Outputs[i].first, armnn::Tensor(outputs[i].GetInfo(), outputs[i].Data()));
    }

    std::vector<double> milliseconds;
    for (unsigned int iteration = 0; iteration < params.m_Iterations; ++iteration)
    {
        const auto start = std::chrono::steady_clock::now();
        const armnn::Status status = runtime->EnqueueWorkload(networkId, inputTensors, outputTensors);
        const auto end = std::chrono::steady_clock::now();
        if (status != armnn::Status::Success)
        {
            throw armnn::RuntimeException("EnqueueWorkload failed in iteration " + std::to_string(iteration + 1));
        }
        milliseconds.push_back(std::chrono::duration<double, std::milli>(end - start).count());
        std::printf("Inference time: %.3f ms\n", milliseconds.back());
    }
    std::printf("Inference time over %u iteration(s): min %.3f ms, median %.3f ms, max %.3f ms\n",
                params.m_Iterations, *std::min_element(milliseconds.begin(), milliseconds.end()), Median(milliseconds),
                *std::max_element(milliseconds.begin(), milliseconds.end()));
    std::fflush(stdout);

    if (const std::shared_ptr<armnn::IProfiler> profiler = runtime->GetProfiler(networkId))
    {
        if (!params.m_EnableProfiling && hasPreCompiled)
        {
            // One more, untimed inference with the profiler on: it gathers the figures workloads report, such as
            // an emulated accelerator's simulated device time.
            profiler->EnableProfiling(true);
            runtime->EnqueueWorkload(networkId, inputTensors, outputTensors);
            profiler->EnableProfiling(false);
        }
        const double simulatedUs = profiler->GetCounterMean("Simulated device time");
        if (simulatedUs > 0)
        {
            std::printf("Simulated device time: %.3f ms per inference (emulated accelerators' cost model)\n",
                        simulatedUs / 1000.0);
        }
        if (params.m_EnableProfiling)
        {
            profiler->Print(std::cout);
            std::cout << std::endl;
        }
    }
    if (params.m_Verify)
    {
        Verify(*runtime, model, inputTensors, outputs);
    }

    if (!params.m_DontPrintOutputs)
    {
        for (size_t i = 0; i < outputs.size(); ++i)
        {
            PrintOutput(model.m_OutputNames[i], outputs[i]);
        }
    }
    if (params.m_PrintTop != 0)
    {
        const std::vector<std::string> labels =
            params.m_LabelsPath.empty() ? std::vector<std::string>{} : ReadLabels(params.m_LabelsPath);
        for (size_t i = 0; i < outputs.size(); ++i)
        {
            PrintTop(model.m_OutputNames[i], outputs[i], params.m_PrintTop, labels);
        }
    }
    if (!params.m_OutputTensorFiles.empty())
    {
        for (size_t i = 0; i < outputs.size(); ++i)
        {
            WriteTensorFile(params.m_OutputTensorFiles[i], outputs[i]);
        }
    }
    if (!params.m_ComparisonFile.empty())
    {
        // Compared as stored (quantized outputs as integers), like the files -w writes.
        const std::vector<double> expected = ReadValuesFile(params.m_ComparisonFile);
        const std::vector<double> actual = outputs.front().GetValues();
        if (expected.size() != actual.size())
        {
            throw armnn::InvalidArgumentException("-C/--compare-output: '" + params.m_ComparisonFile + "' holds " +
                                                  std::to_string(expected.size()) + " values, output '" +
                                                  model.m_OutputNames.front() + "' has " +
                                                  std::to_string(actual.size()));
        }
        // Expected values of a Float32 output are compared as floats: text files hold them to float precision.
        const bool isFloat = outputs.front().GetInfo().GetDataType() == armnn::DataType::Float32;
        double sum = 0.0;
        for (size_t i = 0; i < actual.size(); ++i)
        {
            const double want = isFloat ? static_cast<double>(static_cast<float>(expected[i])) : expected[i];
            sum += (actual[i] - want) * (actual[i] - want);
        }
        std::printf("RMSE of '%s' against %s: %g\n", model.m_OutputNames.front().c_str(),
                    params.m_ComparisonFile.c_str(), actual.empty() ? 0.0 : std::sqrt(sum / static_cast<double>(actual.size())));
    }
    runtime->UnloadNetwork(networkId);
    return 0;
}

} // namespace

int main(int argc, char* argv[])
{
    armnn::ConfigureLogging(true, false, armnn::LogSeverity::Warning);
    try
    {
        const std::optional<ExecuteNetworkParams> params = ParseCommandLine(argc, argv);
        return params ? Run(*params) : 0;
    }
    catch (const UsageError& e)
    {
        std::cerr << "ExecuteNetwork: " << e.what() << " (see --help)" << std::endl;
        return 2;
    }
    catch (const armnn::ParseException& e)
    {
        // Its own exit code, so that scripts can tell "the model could not be read" from a failed run.
        std::cerr << "ExecuteNetwork: " << e.what() << std::endl;
        return 3;
    }
    catch (const armnn::Exception& e)
    {
        std::cerr << "ExecuteNetwork: " << e.what() << std::endl;
        return 1;
    }
    catch (const std::exception& e)
    {
        std::cerr << "ExecuteNetwork: " << e.what() << std::endl;
        return 1;
    }
}
