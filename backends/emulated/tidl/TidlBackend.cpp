//
// Tidl: an emulated TI TIDL accelerator. Runs convolutions, pooling, fully connected, mean, softmax and friends;
// float subgraphs are quantized to int8 (or, with QuantizationBits=16, int16 activations) from calibration data. On
// the AM57x platforms several EVE cores each take one image of a batch, so throughput grows with the batch size.
//
#include <EmulatedBackend.hpp>

#include <armnn/backends/DynamicBackend.hpp>

namespace armnn
{
namespace emulated
{

namespace
{
DeviceDescription TidlDevice()
{
    DeviceDescription d;
    d.m_Name = "Tidl";
    d.m_LayerTypes = {LayerType::Convolution2d, LayerType::DepthwiseConvolution2d, LayerType::ElementwiseBinary,
                      LayerType::Activation, LayerType::Concat, LayerType::Reshape, LayerType::Pad,
                      LayerType::Pooling2d, LayerType::FullyConnected, LayerType::Mean, LayerType::Softmax};
    d.m_Activations = {ActivationFunction::ReLu, ActivationFunction::BoundedReLu, ActivationFunction::LeakyReLu,
                       ActivationFunction::Sigmoid};
    d.m_BinaryOperations = {BinaryOperation::Add, BinaryOperation::Mul};
    d.m_PoolingAlgorithms = {PoolingAlgorithm::Max, PoolingAlgorithm::Average};
    d.m_Calibrates = true;
    d.m_Calibrates16Bit = true; // TIDL's 16-bit mode (QuantizationBits=16)
    d.m_MaxKernelSize = 11;
    d.m_MaxStride = 4;
    d.m_MaxTensorElements = 1u << 24;
    // Platform: AM5729 (4 EVE cores), AM5749 (2 EVE cores), TDA4VM (one C7x DSP with its matrix unit).
    d.m_VariantOption = "Platform";
    d.m_Variants = {{"AM5729", {64, 650, 4, 6.4, 400}},
                    {"AM5749", {64, 650, 2, 6.4, 400}},
                    {"TDA4VM", {4096, 1000, 1, 17.0, 100}}};
    d.m_DefaultVariant = "AM5729";
    return d;
}
} // namespace

class TidlBackend final : public EmulatedBackend
{
public:
    TidlBackend() : EmulatedBackend(TidlDevice()) {}
};

} // namespace emulated
} // namespace armnn

ARMNN_DEFINE_BACKEND_PLUGIN(armnn::emulated::TidlBackend, "Tidl")
