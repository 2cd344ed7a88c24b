#include "../CpuAccKernels.hpp"
#include "../CpuAccUtils.hpp"

#include <armnn/backends/KernelRegistry.hpp>

#include <cstring>

namespace armnn
{
namespace cpuacc
{

namespace
{
/// A reshape only copies: the runtime gives input and output separate memory.
class ReshapeWorkload final : public IWorkload
{
public:
    explicit ReshapeWorkload(size_t bytes) : m_Bytes(bytes) {}
    void Execute(const ExecutionTensors& tensors) const override
    {
        if (tensors.Input(0) != tensors.Output(0))
        {
            std::memcpy(tensors.Output(0), tensors.Input(0), m_Bytes);
        }
    }

private:
    size_t m_Bytes;
};
} // namespace

bool CheckReshape(const LayerInfo& layer, std::string& reason)
{
    if (!CheckAllSameDataType(layer, reason))
    {
        return false;
    }
    if (layer.m_Inputs[0].GetQuantizationScale() != layer.m_Outputs[0].GetQuantizationScale() ||
        layer.m_Inputs[0].GetQuantizationOffset() != layer.m_Outputs[0].GetQuantizationOffset())
    {
        reason = "input and output quantization differ";
        return false;
    }
    return true;
}

std::unique_ptr<IWorkload> CreateReshape(const LayerInfo& layer)
{
    return std::make_unique<ReshapeWorkload>(layer.m_Outputs[0].GetNumBytes());
}

} // namespace cpuacc
} // namespace armnn
