//
// Npu: an emulated generic int8 NPU, in the manner of the VSI NPU behind Arm NN on i.MX 8. Convolutions,
// depthwise convolutions, additions, activations, concatenation, reshape and pad run on the device; pooling and
// fully connected are left to the CPU backends. int8 networks only (no calibration).
//
#include <EmulatedBackend.hpp>

#include <armnn/backends/DynamicBackend.hpp>

namespace armnn
{
namespace emulated
{

namespace
{
DeviceDescription NpuDevice()
{
    DeviceDescription d;
    d.m_Name = "Npu";
    d.m_LayerTypes = {LayerType::Convolution2d, LayerType::DepthwiseConvolution2d, LayerType::ElementwiseBinary,
                      LayerType::Activation, LayerType::Concat, LayerType::Reshape, LayerType::Pad};
    d.m_Activations = {ActivationFunction::ReLu, ActivationFunction::BoundedReLu};
    d.m_BinaryOperations = {BinaryOperation::Add, BinaryOperation::Mul};
    d.m_Calibrates = false;
    d.m_MaxKernelSize = 11;
    d.m_MaxStride = 4;
    d.m_MaxTensorElements = 1u << 24;
    // NpuSize: the number of MAC units (about 0.5, 2.3 and 8 TOPS at 1 GHz).
    d.m_VariantOption = "NpuSize";
    d.m_Variants = {{"small", {256, 1000, 1, 4.0, 50}},
                    {"medium", {1152, 1000, 1, 8.0, 50}},
                    {"large", {4096, 1000, 1, 16.0, 50}}};
    d.m_DefaultVariant = "medium";
    return d;
}
} // namespace

class NpuBackend final : public EmulatedBackend
{
public:
    NpuBackend() : EmulatedBackend(NpuDevice()) {}
};

} // namespace emulated
} // namespace armnn

ARMNN_DEFINE_BACKEND_PLUGIN(armnn::emulated::NpuBackend, "Npu")
