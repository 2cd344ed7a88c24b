#include "Program.hpp"

#include <armnn/Exceptions.hpp>
#include <armnn/Logging.hpp>
#include <armnn/TypesUtils.hpp>
#include <armnn/backends/KernelRegistry.hpp>
#include <armnn/backends/LayerAccess.hpp>

#include <algorithm>
#include <filesystem>
#include <functional>
#include <map>
#include <sstream>

namespace armnn
{
namespace emulated
{

namespace
{

unsigned int ParseUnsigned(const std::string& backend, const std::string& name, const std::string& value)
{
    size_t used = 0;
    unsigned long parsed = 0;
    try
    {
        parsed = std::stoul(value, &used);
    }
    catch (const std::exception&)
    {
        used = 0;
    }
    if (used == 0 || used != value.size() || value[0] == '-')
    {
        throw InvalidArgumentException(backend + ": backend option " + name + " must be a non-negative integer, got '" +
                                       value + "'");
    }
    return static_cast<unsigned int>(parsed);
}

float ParseFloat(const std::string& backend, const std::string& name, const std::string& value)
{
    size_t used = 0;
    float parsed = 0;
    try
    {
        parsed = std::stof(value, &used);
    }
    catch (const std::exception&)
    {
        used = 0;
    }
    if (used == 0 || used != value.size())
    {
        throw InvalidArgumentException(backend + ": backend option " + name + " must be a number, got '" + value + "'");
    }
    return parsed;
}

bool ParseBool(const std::string& backend, const std::string& name, const std::string& value)
{
    if (value == "true" || value == "1")
    {
        return true;
    }
    if (value == "false" || value == "0")
    {
        return false;
    }
    throw InvalidArgumentException(backend + ": backend option " + name + " must be true or false, got '" + value +
                                   "'");
}

/// Window and stride of a convolution or pooling layer, for the device's limits.
void WindowOf(const LayerInfo& layer, unsigned int& height, unsigned int& width, unsigned int& stride)
{
    height = width = stride = 1;
    auto fromWeights = [&](DataLayout layout, unsigned int strideX, unsigned int strideY) {
        const TensorShape& w = layer.m_Inputs[1].GetShape();
        const bool nhwc = layout == DataLayout::NHWC;
        if (w.GetNumDimensions() == 4)
        {
            height = w[nhwc ? 1 : 2];
            width = w[nhwc ? 2 : 3];
        }
        stride = std::max(strideX, strideY);
    };
    switch (layer.m_Type)
    {
        case LayerType::Convolution2d:
        {
            const auto& d = layer.GetDescriptor<Convolution2dDescriptor>();
            fromWeights(d.m_DataLayout, d.m_StrideX, d.m_StrideY);
            break;
        }
        case LayerType::DepthwiseConvolution2d:
        {
            const auto& d = layer.GetDescriptor<DepthwiseConvolution2dDescriptor>();
            fromWeights(d.m_DataLayout, d.m_StrideX, d.m_StrideY);
            break;
        }
        case LayerType::Pooling2d:
        {
            const auto& d = layer.GetDescriptor<Pooling2dDescriptor>();
            height = d.m_PoolHeight;
            width = d.m_PoolWidth;
            stride = std::max(d.m_StrideX, d.m_StrideY);
            break;
        }
        default: break;
    }
}

} // namespace

EmulatedOptions EmulatedOptions::Parse(const DeviceDescription& device, const ModelOptions& options)
{
    EmulatedOptions result;
    result.m_Variant = device.m_DefaultVariant;
    result.m_ArtifactsFolder = (std::filesystem::temp_directory_path() / "armnn-artifacts").string();
    const std::string& name = device.m_Name;
    ParseOptions(options, BackendId(name), [&](const std::string& option, const BackendOptions::Var& var) {
        const std::string value = var.ToString();
        if (option == "MinSubgraphSize")
        {
            result.m_MinSubgraphSize = ParseUnsigned(name, option, value);
        }
        else if (option == "ArtifactsFolder")
        {
            result.m_ArtifactsFolder = value;
        }
        else if (option == "CalibrationFolder")
        {
            result.m_CalibrationFolder = value;
        }
        else if (option == "CalibrationCount")
        {
            result.m_CalibrationCount = ParseUnsigned(name, option, value);
        }
        else if (option == "CalibrationMin")
        {
            result.m_CalibrationMin = ParseFloat(name, option, value);
        }
        else if (option == "CalibrationMax")
        {
            result.m_CalibrationMax = ParseFloat(name, option, value);
        }
        else if (option == "QuantizationBits" && device.m_Calibrates16Bit)
        {
            result.m_QuantizationBits = ParseUnsigned(name, option, value);
            if (result.m_QuantizationBits != 8 && result.m_QuantizationBits != 16)
            {
                throw InvalidArgumentException(name + ": backend option QuantizationBits has no value '" + value +
                                               "' (known: 8, 16)");
            }
        }
        else if (option == "SimulateLatency")
        {
            result.m_SimulateLatency = ParseBool(name, option, value);
        }
        else if (option == device.m_VariantOption)
        {
            if (device.m_Variants.count(value) == 0)
            {
                std::string known;
                for (const auto& variant : device.m_Variants)
                {
                    known += (known.empty() ? "" : ", ") + variant.first;
                }
                throw InvalidArgumentException(name + ": backend option " + option + " has no value '" + value +
                                               "' (known: " + known + ")");
            }
            result.m_Variant = value;
        }
        else
        {
            throw InvalidArgumentException(name + ": unknown backend option '" + option +
                                           "' (known: MinSubgraphSize, ArtifactsFolder, CalibrationFolder, "
                                           "CalibrationCount, CalibrationMin, CalibrationMax, SimulateLatency, " +
                                           (device.m_Calibrates16Bit ? "QuantizationBits, " : "") +
                                           device.m_VariantOption + ")");
        }
    });
    std::error_code error;
    if (!result.m_CalibrationFolder.empty() && !std::filesystem::is_directory(result.m_CalibrationFolder, error))
    {
        throw InvalidArgumentException(name + ": CalibrationFolder '" + result.m_CalibrationFolder +
                                       "' is not a directory");
    }
    if (result.m_CalibrationCount == 0)
    {
        throw InvalidArgumentException(name + ": CalibrationCount must be at least 1");
    }
    if (result.m_CalibrationMin >= result.m_CalibrationMax)
    {
        throw InvalidArgumentException(name + ": CalibrationMin must be below CalibrationMax");
    }
    result.m_Cost = device.m_Variants.at(result.m_Variant);
    return result;
}

std::string EmulatedOptions::Key() const
{
    // The options that change what compiling produces (not where it is cached, nor whether to sleep).
    std::ostringstream ss;
    ss << "calibration=" << m_CalibrationFolder << ";" << m_CalibrationCount << ";" << m_CalibrationMin << ";"
       << m_CalibrationMax << ";bits=" << m_QuantizationBits << ";variant=" << m_Variant;
    return ss.str();
}

bool IsSupportedByDevice(const DeviceDescription& device, const LayerInfo& layer, std::string& reason)
{
    const std::string prefix = layer.Describe() + ": ";
    if (device.m_LayerTypes.count(layer.m_Type) == 0)
    {
        reason = prefix + "the " + device.m_Name + " device does not run " + GetLayerTypeAsCString(layer.m_Type) +
                 " layers";
        return false;
    }
    auto activationOk = [&](const ActivationDescriptor& activation) {
        if (device.m_Activations.count(activation.m_Function) != 0)
        {
            return true;
        }
        reason = prefix + "activation " + GetActivationFunctionAsCString(activation.m_Function) +
                 " is not supported by the " + device.m_Name + " device";
        return false;
    };
    if (layer.m_Type == LayerType::Activation && !activationOk(layer.GetDescriptor<ActivationDescriptor>()))
    {
        return false;
    }
    if (layer.m_FusedActivation.has_value() && !activationOk(layer.m_FusedActivation.value()))
    {
        return false;
    }
    if (layer.m_Type == LayerType::ElementwiseBinary &&
        device.m_BinaryOperations.count(layer.GetDescriptor<ElementwiseBinaryDescriptor>().m_Operation) == 0)
    {
        reason = prefix + "operation " +
                 GetBinaryOperationAsCString(layer.GetDescriptor<ElementwiseBinaryDescriptor>().m_Operation) +
                 " is not supported by the " + device.m_Name + " device";
        return false;
    }
    if (layer.m_Type == LayerType::Pooling2d &&
        device.m_PoolingAlgorithms.count(layer.GetDescriptor<Pooling2dDescriptor>().m_PoolType) == 0)
    {
        reason = prefix + "this pooling algorithm is not supported by the " + device.m_Name + " device";
        return false;
    }
    unsigned int height = 1;
    unsigned int width = 1;
    unsigned int stride = 1;
    WindowOf(layer, height, width, stride);
    if (height > device.m_MaxKernelSize || width > device.m_MaxKernelSize || stride > device.m_MaxStride)
    {
        reason = prefix + "window " + std::to_string(height) + "x" + std::to_string(width) + " with stride " +
                 std::to_string(stride) + " exceeds the " + device.m_Name + " device's limits (window " +
                 std::to_string(device.m_MaxKernelSize) + ", stride " + std::to_string(device.m_MaxStride) + ")";
        return false;
    }
    // Activations the device reads and writes: int8, or float when it quantizes from calibration data.
    std::vector<TensorInfo> tensors = layer.m_Outputs;
    for (size_t i = 0; i < layer.m_Inputs.size(); ++i)
    {
        if (!layer.IsConstantInput(i))
        {
            tensors.push_back(layer.m_Inputs[i]);
        }
    }
    for (const TensorInfo& tensor : tensors)
    {
        const DataType type = tensor.GetDataType();
        if (type != DataType::QAsymmS8 && !(device.m_Calibrates && type == DataType::Float32))
        {
            reason = prefix + "data type " + GetDataTypeName(type) + " is not supported by the " + device.m_Name +
                     " device (it computes in int8" + (device.m_Calibrates ? ", quantizing Float32 subgraphs" : "") +
                     ")";
            return false;
        }
        if (tensor.GetNumElements() > device.m_MaxTensorElements)
        {
            reason = prefix + "a tensor of " + std::to_string(tensor.GetNumElements()) + " elements exceeds the " +
                     device.m_Name + " device's limit of " + std::to_string(device.m_MaxTensorElements);
            return false;
        }
    }
    // The arithmetic is CpuRef's: the layer must be one its kernels run.
    return RefKernels().IsSupported(layer, reason);
}

EmulatedBackend::EmulatedBackend(DeviceDescription device) : m_Id(device.m_Name), m_Device(std::move(device)) {}

bool EmulatedBackend::IsLayerSupported(const LayerInfo& layer, std::string& reason) const
{
    return IsSupportedByDevice(m_Device, layer, reason);
}

std::unique_ptr<IWorkload> EmulatedBackend::CreateWorkload(const LayerInfo& layer) const
{
    if (layer.m_Type != LayerType::PreCompiled || layer.m_PreCompiledBlob == nullptr)
    {
        // Layers the backend accepted but did not claim went to the next backends in OptimizeSubgraphView.
        throw InvalidArgumentException(m_Id.Get() + ": " + layer.Describe() +
                                       " was not compiled; the device runs only the subgraphs it claimed");
    }
    return CreateArtifactWorkload(layer);
}

std::vector<KernelSummary> EmulatedBackend::DescribeKernels() const
{
    std::vector<KernelSummary> kernels;
    for (LayerType type : m_Device.m_LayerTypes)
    {
        std::vector<DataType> types = {DataType::QAsymmS8};
        if (m_Device.m_Calibrates)
        {
            types.push_back(DataType::Float32);
        }
        kernels.push_back({type, types});
    }
    return kernels;
}

namespace
{

/// Splits the offered layers (topological order) into groups that can each become one layer without a cycle:
/// a layer joins the group of a producer unless some path from that group reaches the layer through a layer
/// outside the group (replacing the group by one layer would then need its own output as input).
std::vector<std::vector<IConnectableLayer*>> ConvexGroups(const std::vector<IConnectableLayer*>& layers)
{
    std::map<const IConnectableLayer*, size_t> groupOf;
    std::map<const IConnectableLayer*, std::set<size_t>> ancestors; // groups each layer depends on, memoized
    std::vector<std::vector<IConnectableLayer*>> groups;

    std::function<const std::set<size_t>&(const IConnectableLayer*)> dependsOn =
        [&](const IConnectableLayer* layer) -> const std::set<size_t>& {
        auto it = ancestors.find(layer);
        if (it != ancestors.end())
        {
            return it->second;
        }
        std::set<size_t> result;
        auto member = groupOf.find(layer);
        if (member != groupOf.end())
        {
            result.insert(member->second);
        }
        for (unsigned int i = 0; i < layer->GetNumInputSlots(); ++i)
        {
            const IOutputSlot* connection = layer->GetInputSlot(i).GetConnection();
            if (connection != nullptr)
            {
                const std::set<size_t>& up = dependsOn(&connection->GetOwningIConnectableLayer());
                result.insert(up.begin(), up.end());
            }
        }
        return ancestors[layer] = std::move(result);
    };

    for (IConnectableLayer* layer : layers)
    {
        std::set<size_t> candidates; // groups of direct producers
        std::set<size_t> forbidden; // groups that reach this layer through another layer
        for (unsigned int i = 0; i < layer->GetNumInputSlots(); ++i)
        {
            const IConnectableLayer& producer = layer->GetInputSlot(i).GetConnection()->GetOwningIConnectableLayer();
            std::set<size_t> reach = dependsOn(&producer);
            auto member = groupOf.find(&producer);
            if (member != groupOf.end())
            {
                candidates.insert(member->second);
                reach.erase(member->second);
            }
            forbidden.insert(reach.begin(), reach.end());
        }
        size_t target = groups.size();
        for (size_t candidate : candidates)
        {
            if (forbidden.count(candidate) == 0)
            {
                target = candidate;
                break;
            }
        }
        if (target == groups.size())
        {
            groups.emplace_back();
        }
        groups[target].push_back(layer);
        groupOf[layer] = target;
    }
    return groups;
}

} // namespace

OptimizationViews EmulatedBackend::OptimizeSubgraphView(const SubgraphView& subgraph,
                                                        const ModelOptions& modelOptions) const
{
    const EmulatedOptions options = EmulatedOptions::Parse(m_Device, modelOptions);
    OptimizationViews views;

    std::vector<IConnectableLayer*> constants;
    std::vector<IConnectableLayer*> operations;
    for (IConnectableLayer* layer : subgraph)
    {
        (layer->GetType() == LayerType::Constant ? constants : operations).push_back(layer);
    }

    std::vector<std::vector<IConnectableLayer*>> groups = ConvexGroups(operations);
    std::map<const IConnectableLayer*, size_t> groupOf;
    for (size_t g = 0; g < groups.size(); ++g)
    {
        for (const IConnectableLayer* layer : groups[g])
        {
            groupOf[layer] = g;
        }
    }
    // A constant read only by one group is compiled into it (weights); others stay Constant layers.
    std::vector<std::vector<IConnectableLayer*>> groupConstants(groups.size());
    for (IConnectableLayer* constant : constants)
    {
        std::set<size_t> readers;
        IOutputSlot& out = constant->GetOutputSlot(0);
        for (unsigned int c = 0; c < out.GetNumConnections(); ++c)
        {
            auto it = groupOf.find(&out.GetConnection(c)->GetOwningIConnectableLayer());
            readers.insert(it == groupOf.end() ? groups.size() : it->second);
        }
        if (readers.size() == 1 && *readers.begin() < groups.size() &&
            groups[*readers.begin()].size() >= options.m_MinSubgraphSize)
        {
            groupConstants[*readers.begin()].push_back(constant);
        }
        else
        {
            views.AddUntouchedSubgraph(SubgraphView(constant));
        }
    }

    for (size_t g = 0; g < groups.size(); ++g)
    {
        const std::vector<IConnectableLayer*>& group = groups[g];
        std::unique_ptr<Artifact> artifact;
        std::vector<IInputSlot*> inputs;
        std::vector<IOutputSlot*> outputs;
        std::vector<IConnectableLayer*> members = groupConstants[g];
        members.insert(members.end(), group.begin(), group.end());
        if (group.size() >= options.m_MinSubgraphSize)
        {
            try
            {
                artifact = Compile(m_Device, options, members, inputs, outputs);
            }
            catch (const std::exception& e) // armnn's, and the file system's
            {
                inputs.clear();
                outputs.clear();
                ARMNN_LOG(warning) << m_Id << ": leaving " << group.size() << " layers from '" << group.front()->GetName()
                                   << "' to the next backends: " << e.what();
            }
        }
        if (!artifact)
        {
            for (IConnectableLayer* layer : group)
            {
                views.AddFailedSubgraph(SubgraphView(layer)); // Optimize gives it to the next backend
            }
            for (IConnectableLayer* constant : groupConstants[g])
            {
                views.AddUntouchedSubgraph(SubgraphView(constant));
            }
            continue;
        }
        const std::string name = m_Id.Get() + " subgraph of " + std::to_string(group.size()) + " layers: " +
                                 group.front()->GetName() + " .. " + group.back()->GetName();
        PreCompiledDescriptor descriptor(static_cast<unsigned int>(inputs.size()),
                                         static_cast<unsigned int>(outputs.size()));
        CompiledBlobPtr blob(artifact.release(), [](const void* p) { delete static_cast<const Artifact*>(p); });
        IConnectableLayer* replacement =
            views.GetINetwork()->AddPrecompiledLayer(descriptor, std::move(blob), GetId(), name.c_str());
        views.AddSubstitution({SubgraphView(std::move(members), std::move(inputs), std::move(outputs)),
                               SubgraphView(replacement)});
    }
    return views;
}

} // namespace emulated
} // namespace armnn

/// The artifact counters of the plugin this copy of the emulation layer is in, for tests (found with dlsym).
extern "C" __attribute__((visibility("default"))) void ArmnnEmulatedArtifactCounters(size_t* compiled, size_t* reused,
                                                                                    size_t* rebuilt)
{
    const armnn::emulated::ArtifactCounters counters = armnn::emulated::GetArtifactCounters();
    *compiled = counters.m_Compiled;
    *reused = counters.m_Reused;
    *rebuilt = counters.m_Rebuilt;
}
