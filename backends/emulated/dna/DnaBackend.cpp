//
// Dna: an emulated EdgeCortix DNA accelerator as deployed through the MERA compiler: int8 networks, or float ones
// quantized from calibration data, compiled for an architecture version (DNA-F100 or DNA-F200).
//
#include <EmulatedBackend.hpp>

#include <armnn/backends/DynamicBackend.hpp>

namespace armnn
{
namespace emulated
{

namespace
{
DeviceDescription DnaDevice()
{
    DeviceDescription d;
    d.m_Name = "Dna";
    d.m_LayerTypes = {LayerType::Convolution2d, LayerType::DepthwiseConvolution2d, LayerType::ElementwiseBinary,
                      LayerType::Activation, LayerType::Concat, LayerType::Reshape, LayerType::Pad,
                      LayerType::Pooling2d, LayerType::FullyConnected, LayerType::Mean};
    d.m_Activations = {ActivationFunction::ReLu, ActivationFunction::BoundedReLu, ActivationFunction::LeakyReLu};
    d.m_BinaryOperations = {BinaryOperation::Add, BinaryOperation::Sub, BinaryOperation::Mul};
    d.m_PoolingAlgorithms = {PoolingAlgorithm::Max, PoolingAlgorithm::Average};
    d.m_Calibrates = true;
    d.m_MaxKernelSize = 15;
    d.m_MaxStride = 4;
    d.m_MaxTensorElements = 1u << 26;
    // Arch: 100 (DNA-F100, one core) or 200 (DNA-F200, two cores with three times the MAC array).
    d.m_VariantOption = "Arch";
    d.m_Variants = {{"100", {4096, 800, 1, 12.8, 80}}, {"200", {12288, 800, 2, 25.6, 80}}};
    d.m_DefaultVariant = "200";
    return d;
}
} // namespace

class DnaBackend final : public EmulatedBackend
{
public:
    DnaBackend() : EmulatedBackend(DnaDevice()) {}
};

} // namespace emulated
} // namespace armnn

ARMNN_DEFINE_BACKEND_PLUGIN(armnn::emulated::DnaBackend, "Dna")
