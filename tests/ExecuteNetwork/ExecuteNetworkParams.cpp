#include "ExecuteNetworkParams.hpp"

#include <cxxopts.hpp>

#include <iostream>
#include <sstream>

namespace
{

std::vector<std::string> Split(const std::string& text, char separator)
{
    std::vector<std::string> parts;
    std::stringstream stream(text);
    std::string part;
    while (std::getline(stream, part, separator))
    {
        parts.push_back(part);
    }
    return parts;
}

unsigned int ParseDimension(const std::string& text, const std::string& option)
{
    size_t used = 0;
    unsigned long value = 0;
    try
    {
        value = std::stoul(text, &used);
    }
    catch (const std::exception&)
    {
        used = 0;
    }
    if (text.empty() || used != text.size() || value > 0xffffffffUL)
    {
        throw UsageError("--" + option + ": '" + text + "' is not a non-negative integer");
    }
    return static_cast<unsigned int>(value);
}

/// "1,224,224,3:1,10" -> two shapes (Arm NN's format: ',' between dimensions, ':' between tensors).
std::vector<armnn::TensorShape> ParseShapes(const std::string& text)
{
    std::vector<armnn::TensorShape> shapes;
    for (const std::string& shapeText : Split(text, ':'))
    {
        std::vector<unsigned int> dims;
        for (const std::string& dim : Split(shapeText, ','))
        {
            dims.push_back(ParseDimension(dim, "input-tensor-shape"));
        }
        if (dims.empty())
        {
            throw UsageError("--input-tensor-shape: empty shape in '" + text + "'");
        }
        shapes.emplace_back(static_cast<unsigned int>(dims.size()), dims.data());
    }
    return shapes;
}

/// Values of a repeatable, comma-separated option, with empty entries dropped.
std::vector<std::string> ListOption(const cxxopts::ParseResult& result, const char* name)
{
    std::vector<std::string> values;
    if (result.count(name) != 0)
    {
        for (const std::string& value : result[name].as<std::vector<std::string>>())
        {
            if (!value.empty())
            {
                values.push_back(value);
            }
        }
    }
    return values;
}

/// "Backend:Name=Value" into the options of that backend. Values that read as an unsigned integer, a number or
/// true/false are passed as such; anything else as a string (backends accept either spelling of their values).
void AddBackendOption(std::vector<armnn::BackendOptions>& all, const std::string& text)
{
    const size_t colon = text.find(':');
    const size_t equals = text.find('=', colon == std::string::npos ? 0 : colon);
    if (colon == std::string::npos || colon == 0 || equals == std::string::npos || equals == colon + 1)
    {
        throw UsageError("--backend-option '" + text + "' must read Backend:Name=Value");
    }
    const std::string backend = text.substr(0, colon);
    const std::string name = text.substr(colon + 1, equals - colon - 1);
    const std::string value = text.substr(equals + 1);
    auto option = [&]() -> armnn::BackendOptions::BackendOption {
        if (value == "true" || value == "false")
        {
            return {name, value == "true"};
        }
        if (!value.empty() && value.find_first_not_of("0123456789") == std::string::npos && value.size() < 10)
        {
            return {name, static_cast<unsigned int>(std::stoul(value))};
        }
        return {name, value};
    };
    for (armnn::BackendOptions& options : all)
    {
        if (options.BackendId() == armnn::BackendId(backend))
        {
            options.AddOption(option());
            return;
        }
    }
    all.emplace_back(armnn::BackendId(backend));
    all.back().AddOption(option());
}

} // namespace

std::optional<ExecuteNetworkParams> ParseCommandLine(int argc, const char* const argv[])
{
    cxxopts::Options options("ExecuteNetwork", "Runs a model file through Arm NN-compatible backends and prints "
                                               "timings and outputs.");
    // clang-format off
    options.add_options()
        ("h,help", "Print this help")
        ("m,model-path", "Model file (.tflite, or .onnx with -i and -o; .armnn is recognised but not supported yet)",
            cxxopts::value<std::string>())
        ("c,compute", "Backend ids in order of preference; repeatable and comma-separated, e.g. -c CpuAcc,CpuRef",
            cxxopts::value<std::vector<std::string>>())
        ("I,iterations", "Number of inferences to run and time", cxxopts::value<unsigned int>()->default_value("1"))
        ("d,input-tensor-data", "Input data files, comma-separated, one per input: whitespace-separated text "
            "values, or .npy. Without it inputs get a fixed pseudo-random pattern",
            cxxopts::value<std::vector<std::string>>())
        ("s,input-tensor-shape", "Input shapes, ',' between dimensions and ':' between inputs "
            "(checked against the model)", cxxopts::value<std::string>())
        ("i,input-name", "Input tensor names, comma-separated (default: all inputs of the model)",
            cxxopts::value<std::vector<std::string>>())
        ("o,output-name", "Output tensor names, comma-separated (default: all outputs of the model)",
            cxxopts::value<std::vector<std::string>>())
        ("q,quantize-input", "Input files hold real values: quantize them for quantized inputs")
        ("N,do-not-print-output", "Do not print the output tensors")
        ("e,event-based-profiling", "Profile the inferences and print the profiler's JSON")
        ("v,visualize-optimized-model", "Write the optimized graph as Graphviz .dot next to the model file")
        ("w,write-outputs-to-file", "Output files, comma-separated, one per output (.npy or text)",
            cxxopts::value<std::vector<std::string>>())
        ("C,compare-output", "File of expected values (as written by -w) for the first output; prints the RMSE",
            cxxopts::value<std::string>())
        ("b,dynamic-backends-path", "Extra directory (or colon-separated directories) of backend plugins",
            cxxopts::value<std::string>())
        ("number-of-threads", "Threads for CpuAcc (1 to 64; forwarded as its model option NumberOfThreads)",
            cxxopts::value<unsigned int>())
        ("print-top", "For classifiers: list the N largest values of each output", cxxopts::value<unsigned int>())
        ("labels", "Labels file (one per line, line k names index k) for --print-top", cxxopts::value<std::string>())
        ("backend-option", "A backend option, Backend:Name=Value (repeatable), e.g. Npu:MinSubgraphSize=2; given to "
            "the backend as a model option and a runtime option", cxxopts::value<std::vector<std::string>>())
        ("verify", "Also run the network on CpuRef with the same inputs and print, per output, the max and mean "
            "absolute difference and the share of equal values")
        ("infer-output-shape", "TensorFlow Lite models: infer the shapes of outputs the model leaves dynamic")
        ("allow-expanded-dims", "TensorFlow Lite models: accept output shapes that differ from the computed ones "
            "only by dimensions of size 1");
    // clang-format on
    options.set_width(110);

    cxxopts::ParseResult result;
    try
    {
        result = options.parse(argc, argv);
    }
    catch (const cxxopts::exceptions::exception& e)
    {
        throw UsageError(e.what());
    }
    if (result.count("help") != 0)
    {
        std::cout << options.help() << std::endl;
        return std::nullopt;
    }
    if (!result.unmatched().empty())
    {
        throw UsageError("unexpected argument '" + result.unmatched().front() + "'");
    }

    ExecuteNetworkParams params;
    try
    {
        if (result.count("model-path") == 0)
        {
            throw UsageError("-m/--model-path is required");
        }
        params.m_ModelPath = result["model-path"].as<std::string>();
        for (const std::string& backend : ListOption(result, "compute"))
        {
            params.m_ComputeDevices.emplace_back(backend);
        }
        if (params.m_ComputeDevices.empty())
        {
            params.m_ComputeDevices = {"CpuAcc", "CpuRef"};
        }
        params.m_Iterations = result["iterations"].as<unsigned int>();
        params.m_InputTensorDataFilePaths = ListOption(result, "input-tensor-data");
        if (result.count("input-tensor-shape") != 0)
        {
            params.m_InputTensorShapes = ParseShapes(result["input-tensor-shape"].as<std::string>());
        }
        params.m_InputNames = ListOption(result, "input-name");
        params.m_OutputNames = ListOption(result, "output-name");
        params.m_QuantizeInput = result.count("quantize-input") != 0;
        params.m_DontPrintOutputs = result.count("do-not-print-output") != 0;
        params.m_EnableProfiling = result.count("event-based-profiling") != 0;
        params.m_InferOutputShape = result.count("infer-output-shape") != 0;
        params.m_AllowExpandedDims = result.count("allow-expanded-dims") != 0;
        params.m_Visualize = result.count("visualize-optimized-model") != 0;
        params.m_OutputTensorFiles = ListOption(result, "write-outputs-to-file");
        if (result.count("compare-output") != 0)
        {
            params.m_ComparisonFile = result["compare-output"].as<std::string>();
        }
        if (result.count("dynamic-backends-path") != 0)
        {
            params.m_DynamicBackendsPath = result["dynamic-backends-path"].as<std::string>();
        }
        if (result.count("number-of-threads") != 0)
        {
            params.m_NumberOfThreads = result["number-of-threads"].as<unsigned int>();
            if (params.m_NumberOfThreads < 1 || params.m_NumberOfThreads > 64)
            {
                throw UsageError("--number-of-threads must be between 1 and 64");
            }
        }
        if (result.count("print-top") != 0)
        {
            params.m_PrintTop = result["print-top"].as<unsigned int>();
        }
        if (result.count("labels") != 0)
        {
            params.m_LabelsPath = result["labels"].as<std::string>();
        }
        if (result.count("backend-option") != 0)
        {
            for (const std::string& option : result["backend-option"].as<std::vector<std::string>>())
            {
                AddBackendOption(params.m_BackendOptions, option);
            }
        }
        params.m_Verify = result.count("verify") != 0;
    }
    catch (const cxxopts::exceptions::exception& e)
    {
        throw UsageError(e.what());
    }

    if (params.m_Iterations == 0)
    {
        throw UsageError("-I/--iterations must be at least 1");
    }
    if (!params.m_InputNames.empty() && !params.m_InputTensorDataFilePaths.empty() &&
        params.m_InputNames.size() != params.m_InputTensorDataFilePaths.size())
    {
        throw UsageError("-d/--input-tensor-data gives " + std::to_string(params.m_InputTensorDataFilePaths.size()) +
                         " file(s) for " + std::to_string(params.m_InputNames.size()) + " input name(s)");
    }
    if (!params.m_OutputNames.empty() && !params.m_OutputTensorFiles.empty() &&
        params.m_OutputNames.size() != params.m_OutputTensorFiles.size())
    {
        throw UsageError("-w/--write-outputs-to-file gives " + std::to_string(params.m_OutputTensorFiles.size()) +
                         " file(s) for " + std::to_string(params.m_OutputNames.size()) + " output name(s)");
    }
    if (!params.m_LabelsPath.empty() && params.m_PrintTop == 0)
    {
        throw UsageError("--labels is only used with --print-top N");
    }
    return params;
}
