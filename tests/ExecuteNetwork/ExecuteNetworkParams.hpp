//
// ExecuteNetwork's command line: every option, its default and its check, in one place.
//
#pragma once

#include <armnn/BackendId.hpp>
#include <armnn/BackendOptions.hpp>
#include <armnn/Tensor.hpp>

#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

/// A mistake on the command line; main prints it with a hint to --help and exits with 2.
class UsageError : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
};

struct ExecuteNetworkParams
{
    std::string m_ModelPath;
    std::vector<armnn::BackendId> m_ComputeDevices;        ///< in order of preference
    unsigned int m_Iterations = 1;
    std::vector<std::string> m_InputTensorDataFilePaths;   ///< one per input, in input order
    std::vector<armnn::TensorShape> m_InputTensorShapes;   ///< checked against the model's input shapes
    std::vector<std::string> m_InputNames;                 ///< empty: every input of the model's first subgraph
    std::vector<std::string> m_OutputNames;                ///< empty: every output
    bool m_QuantizeInput = false;                          ///< input files hold real values for quantized inputs
    bool m_DontPrintOutputs = false;
    bool m_EnableProfiling = false;
    bool m_Visualize = false;
    std::vector<std::string> m_OutputTensorFiles;          ///< one per output
    std::string m_ComparisonFile;                          ///< expected values of the first output
    std::string m_DynamicBackendsPath;
    unsigned int m_NumberOfThreads = 0;                    ///< 0: the backend decides
    unsigned int m_PrintTop = 0;                           ///< 0: no top-N listing
    std::string m_LabelsPath;                              ///< one label per line, for --print-top
    std::vector<armnn::BackendOptions> m_BackendOptions;   ///< --backend-option, one entry per backend
    bool m_Verify = false;                                 ///< also run on CpuRef and compare the outputs
    bool m_InferOutputShape = false;                       ///< TfLiteParserOptions::m_InferAndValidate
    bool m_AllowExpandedDims = false;                      ///< TfLiteParserOptions::m_AllowExpandedDims
};

/// Parses and checks the command line. Returns no value after printing --help.
/// @throws UsageError for an unknown option, a missing or malformed value, or inconsistent options.
std::optional<ExecuteNetworkParams> ParseCommandLine(int argc, const char* const argv[]);
