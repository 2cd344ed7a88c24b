//
// The CpuAcc kernels, one Create (and one Check) function per kernel file under kernels/. CpuAccBackend.cpp
// lists them with their data types in the backend's one kernel table.
//
#pragma once

#include <armnn/backends/IWorkload.hpp>
#include <armnn/backends/LayerInfo.hpp>
#include <armnn/backends/OptimizationViews.hpp>

#include <array>
#include <cstdint>
#include <memory>
#include <string>

namespace armnn
{
namespace cpuacc
{

#define CPUACC_KERNEL(Name) \
    std::unique_ptr<IWorkload> Create##Name(const LayerInfo& layer); \
    bool Check##Name(const LayerInfo& layer, std::string& reason);

CPUACC_KERNEL(Convolution2d)
CPUACC_KERNEL(DepthwiseConvolution2d)
CPUACC_KERNEL(FullyConnected)
CPUACC_KERNEL(Pooling2d)
CPUACC_KERNEL(Activation)
CPUACC_KERNEL(ElementwiseBinary)
CPUACC_KERNEL(Softmax)
CPUACC_KERNEL(Concat)
CPUACC_KERNEL(Reshape)
CPUACC_KERNEL(Mean)
CPUACC_KERNEL(Quantize)
CPUACC_KERNEL(Dequantize)
CPUACC_KERNEL(Pad)
CPUACC_KERNEL(Resize)
CPUACC_KERNEL(DetectionPostProcess)

#undef CPUACC_KERNEL

/// Each Add of two same-shape tensors, one of them made by a Convolution2d of the subgraph that nothing else
/// reads, becomes one PreCompiled layer (named after the Add), which saves the Add's pass over memory (residual
/// connections): Float32, the convolution with the Add and the Add's fused activation as oneDNN post-ops, only
/// where oneDNN keeps the convolution's implementation with them; 8-bit, the Add in the epilogue of the GEMM
/// (CanFuseQuantizedGemmAdd). Every other layer is left untouched.
OptimizationViews FuseConvolutionAdds(const SubgraphView& subgraph, const BackendId& backend);
/// The workload of such a PreCompiled layer.
/// @throws InvalidArgumentException for a PreCompiled layer without CpuAcc's blob.
std::unique_ptr<IWorkload> CreateConvolutionAdd(const LayerInfo& layer);

/// The float weighted layers' common rule: Float32 input and output, Float32 or Float16 constant weights and
/// bias (decoded once at load), a fused activation oneDNN can apply.
bool CheckFloatWeightedLayer(const LayerInfo& layer, bool biasEnabled, std::string& reason);

/// 8-bit (QAsymmS8, QAsymmU8) Convolution2d, DepthwiseConvolution2d and FullyConnected, bit-identical to CpuRef
/// (kernels/QuantizedWeighted.cpp); the float kernels hand quantized layers to these. The check makes the checks
/// every 8-bit weighted kernel shares, then hands the layer to the kernel that will run it.
bool CheckQuantizedWeightedLayer(const LayerInfo& layer, std::string& reason);
std::unique_ptr<IWorkload> CreateQuantizedWeightedLayer(const LayerInfo& layer);

/// The descriptor's m_BiasEnabled of a Convolution2d, DepthwiseConvolution2d or FullyConnected layer.
bool BiasEnabled(const LayerInfo& layer);

/// 8-bit DepthwiseConvolution2d, bit-identical to CpuRef, with the requantization fused (kernels/QuantizedDepthwise.cpp);
/// the Check/CreateQuantizedWeightedLayer pair hands depthwise layers to it (the check after the shared ones).
bool CheckQuantizedDepthwise(const LayerInfo& layer, std::string& reason);
std::unique_ptr<IWorkload> CreateQuantizedDepthwise(const LayerInfo& layer);

/// 8-bit Convolution2d and FullyConnected on AVX512-VNNI CPUs: our own int8 GEMM with the requantization in its
/// epilogue (kernels/QuantizedGemm.cpp). UseQuantizedGemm says whether it takes the layer instead of the oneDNN path;
/// CheckQuantizedGemm runs after CheckQuantizedWeightedLayer's shared checks.
bool UseQuantizedGemm(const LayerInfo& layer);
bool CheckQuantizedGemm(const LayerInfo& layer, std::string& reason);
/// An 8-bit Add of a convolution's output and another tensor (`m_Addend`, the workload's input `m_Input`), run in
/// the GEMM's epilogue; `m_Output` and `m_Activation` are the Add's.
struct QuantizedResidualAdd
{
    TensorInfo m_Addend;
    TensorInfo m_Output;
    Optional<ActivationDescriptor> m_Activation;
    size_t m_Input = 0;
};
/// Whether the GEMM runs `convolution` (a layer CheckQuantizedGemm accepts) with `add` fused: an AVX512-VNNI
/// Convolution2d, the Add in its type without broadcast, per-tensor, with a clamp for activation and multipliers the
/// 16-lane Add takes.
bool CanFuseQuantizedGemmAdd(const LayerInfo& convolution, const QuantizedResidualAdd& add);
/// @throws InvalidArgumentException where `add` is given and CanFuseQuantizedGemmAdd is false.
std::unique_ptr<IWorkload> CreateQuantizedGemm(const LayerInfo& layer, const QuantizedResidualAdd* add = nullptr);

/// 8-bit Add, Sub, Mul (inputs of the same shape or broadcast), bit-identical to CpuRef (kernels/QuantizedElementwise.cpp).
bool CheckQuantizedElementwiseBinary(const LayerInfo& layer, std::string& reason);
std::unique_ptr<IWorkload> CreateQuantizedElementwiseBinary(const LayerInfo& layer);

/// 8-bit activations other than a clamp: a table of CpuRef's result per stored value (kernels/QuantizedLookup.cpp).
bool CheckQuantizedActivationTable(const LayerInfo& layer, std::string& reason);
std::unique_ptr<IWorkload> CreateQuantizedActivationTable(const LayerInfo& layer);

/// The stored 8-bit value in `to` of each stored 8-bit value (index: the byte) of `from`, as CpuRef requantizes
/// (decode, encode).
std::array<uint8_t, 256> RequantizationTable(const TensorInfo& from, const TensorInfo& to);

/// Float32 and 8-bit Concat as copies of contiguous runs (kernels/ConcatCopy.cpp); 8-bit runs are requantized by
/// table where an input's quantization differs from the output's. Concat.cpp has checked the views.
std::unique_ptr<IWorkload> CreateConcatCopy(const LayerInfo& layer);

/// 8-bit average pooling, bit-identical to CpuRef (kernels/QuantizedPooling.cpp).
bool CheckQuantizedAveragePooling(const LayerInfo& layer, std::string& reason);
std::unique_ptr<IWorkload> CreateQuantizedAveragePooling(const LayerInfo& layer);

/// 8-bit Softmax, bit-identical to CpuRef (kernels/QuantizedSoftmax.cpp).
bool CheckQuantizedSoftmax(const LayerInfo& layer, std::string& reason);
std::unique_ptr<IWorkload> CreateQuantizedSoftmax(const LayerInfo& layer);

inline bool IsQuantizedLayer(const LayerInfo& layer)
{
    return layer.m_Inputs[0].GetDataType() == DataType::QAsymmS8 ||
           layer.m_Inputs[0].GetDataType() == DataType::QAsymmU8;
}

} // namespace cpuacc
} // namespace armnn
