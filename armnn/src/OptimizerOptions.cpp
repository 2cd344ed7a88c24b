#include <armnn/INetwork.hpp>

#include <sstream>

namespace armnn
{

struct OptimizerOptionsOpaqueImpl
{
    OptimizerOptions m_Options;
};

OptimizerOptionsOpaque::OptimizerOptionsOpaque() : p_OptimizerOptionsImpl(new OptimizerOptionsOpaqueImpl()) {}

OptimizerOptionsOpaque::OptimizerOptionsOpaque(const OptimizerOptionsOpaque& other)
    : p_OptimizerOptionsImpl(new OptimizerOptionsOpaqueImpl(*other.p_OptimizerOptionsImpl))
{}

OptimizerOptionsOpaque::~OptimizerOptionsOpaque() = default;

OptimizerOptionsOpaque::OptimizerOptionsOpaque(const OptimizerOptions& OptimizerStruct)
    : p_OptimizerOptionsImpl(new OptimizerOptionsOpaqueImpl{OptimizerStruct})
{}

OptimizerOptionsOpaque& OptimizerOptionsOpaque::operator=(OptimizerOptionsOpaque other)
{
    std::swap(p_OptimizerOptionsImpl, other.p_OptimizerOptionsImpl);
    return *this;
}

OptimizerOptionsOpaque::OptimizerOptionsOpaque(bool reduceFp32ToFp16, bool debug, bool reduceFp32ToBf16,
                                               bool importEnabled, ModelOptions modelOptions, bool exportEnabled,
                                               bool debugToFile)
    : p_OptimizerOptionsImpl(new OptimizerOptionsOpaqueImpl{OptimizerOptions(
          reduceFp32ToFp16, debug, reduceFp32ToBf16, importEnabled, modelOptions, exportEnabled, debugToFile)})
{}

OptimizerOptionsOpaque::OptimizerOptionsOpaque(bool reduceFp32ToFp16, bool debug, bool reduceFp32ToBf16,
                                               ShapeInferenceMethod shapeInferenceMethod, bool importEnabled,
                                               ModelOptions modelOptions, bool exportEnabled, bool debugToFile,
                                               bool allowExpandedDims)
    : p_OptimizerOptionsImpl(new OptimizerOptionsOpaqueImpl{
          OptimizerOptions(reduceFp32ToFp16, debug, reduceFp32ToBf16, shapeInferenceMethod, importEnabled,
                           modelOptions, exportEnabled, debugToFile, allowExpandedDims)})
{}

const std::string OptimizerOptionsOpaque::ToString() const
{
    return p_OptimizerOptionsImpl->m_Options.ToString();
}

bool OptimizerOptionsOpaque::GetProfilingEnabled() const { return p_OptimizerOptionsImpl->m_Options.m_ProfilingEnabled; }
bool OptimizerOptionsOpaque::GetImportEnabled() const { return p_OptimizerOptionsImpl->m_Options.m_ImportEnabled; }
bool OptimizerOptionsOpaque::GetExportEnabled() const { return p_OptimizerOptionsImpl->m_Options.m_ExportEnabled; }
bool OptimizerOptionsOpaque::GetReduceFp32ToFp16() const { return p_OptimizerOptionsImpl->m_Options.m_ReduceFp32ToFp16; }
bool OptimizerOptionsOpaque::GetReduceFp32ToBf16() const { return p_OptimizerOptionsImpl->m_Options.m_ReduceFp32ToBf16; }
bool OptimizerOptionsOpaque::GetDebugEnabled() const { return p_OptimizerOptionsImpl->m_Options.m_Debug; }
bool OptimizerOptionsOpaque::GetDebugToFileEnabled() const { return p_OptimizerOptionsImpl->m_Options.m_DebugToFile; }
bool OptimizerOptionsOpaque::GetAllowExpandedDims() const { return p_OptimizerOptionsImpl->m_Options.m_AllowExpandedDims; }
ModelOptions OptimizerOptionsOpaque::GetModelOptions() const { return p_OptimizerOptionsImpl->m_Options.m_ModelOptions; }
ShapeInferenceMethod OptimizerOptionsOpaque::GetShapeInferenceMethod() const
{
    return p_OptimizerOptionsImpl->m_Options.m_shapeInferenceMethod;
}

void OptimizerOptionsOpaque::SetImportEnabled(bool state) { p_OptimizerOptionsImpl->m_Options.m_ImportEnabled = state; }
void OptimizerOptionsOpaque::SetExportEnabled(bool state) { p_OptimizerOptionsImpl->m_Options.m_ExportEnabled = state; }
void OptimizerOptionsOpaque::SetProfilingEnabled(bool state) { p_OptimizerOptionsImpl->m_Options.m_ProfilingEnabled = state; }
void OptimizerOptionsOpaque::SetDebugEnabled(bool state) { p_OptimizerOptionsImpl->m_Options.m_Debug = state; }
void OptimizerOptionsOpaque::SetDebugToFileEnabled(bool state) { p_OptimizerOptionsImpl->m_Options.m_DebugToFile = state; }
void OptimizerOptionsOpaque::SetReduceFp32ToFp16(bool state) { p_OptimizerOptionsImpl->m_Options.m_ReduceFp32ToFp16 = state; }
void OptimizerOptionsOpaque::SetShapeInferenceMethod(ShapeInferenceMethod method)
{
    p_OptimizerOptionsImpl->m_Options.m_shapeInferenceMethod = method;
}
void OptimizerOptionsOpaque::AddModelOption(BackendOptions option)
{
    p_OptimizerOptionsImpl->m_Options.m_ModelOptions.push_back(option);
}
void OptimizerOptionsOpaque::SetAllowExpandedDims(bool state)
{
    p_OptimizerOptionsImpl->m_Options.m_AllowExpandedDims = state;
}

std::string OptimizerOptions::ToString() const
{
    std::stringstream ss;
    ss << "OptimizerOptions: \n";
    ss << "\tReduceFp32ToFp16: " << m_ReduceFp32ToFp16 << "\n";
    ss << "\tReduceFp32ToBf16: " << m_ReduceFp32ToBf16 << "\n";
    ss << "\tDebug: " << m_Debug << "\n";
    ss << "\tDebug to file: " << m_DebugToFile << "\n";
    ss << "\tShapeInferenceMethod: "
       << (m_shapeInferenceMethod == ShapeInferenceMethod::ValidateOnly ? "ValidateOnly" : "InferAndValidate") << "\n";
    ss << "\tImportEnabled: " << m_ImportEnabled << "\n";
    ss << "\tExportEnabled: " << m_ExportEnabled << "\n";
    ss << "\tProfilingEnabled: " << m_ProfilingEnabled << "\n";
    ss << "\tAllowExpandedDims: " << m_AllowExpandedDims << "\n";
    ss << "\tModelOptions: \n";
    for (const auto& optionsGroup : m_ModelOptions)
    {
        for (size_t i = 0; i < optionsGroup.GetOptionCount(); i++)
        {
            const BackendOptions::BackendOption& option = optionsGroup.GetOption(i);
            ss << "\t\tBackend: " << optionsGroup.BackendId() << "\n"
               << "\t\t\tOption: " << option.GetName() << "\n"
               << "\t\t\tValue: " << option.GetValue().ToString() << "\n";
        }
    }
    return ss.str();
}

} // namespace armnn
