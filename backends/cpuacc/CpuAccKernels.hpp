//
// The CpuAcc kernels, one Create (and one Check) function per kernel file under kernels/. CpuAccBackend.cpp
// lists them with their data types in the backend's one kernel table.
//
#pragma once

#include <armnn/backends/IWorkload.hpp>
#include <armnn/backends/LayerInfo.hpp>

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

#undef CPUACC_KERNEL

/// The float weighted layers' common rule: Float32 input and output, Float32 or Float16 constant weights and
/// bias (decoded once at load), a fused activation oneDNN can apply.
bool CheckFloatWeightedLayer(const LayerInfo& layer, bool biasEnabled, std::string& reason);

/// 8-bit (QAsymmS8, QAsymmU8) Convolution2d, DepthwiseConvolution2d and FullyConnected, bit-identical to CpuRef
/// (kernels/QuantizedWeighted.cpp); the float kernels hand quantized layers to these.
bool CheckQuantizedWeightedLayer(const LayerInfo& layer, std::string& reason);
std::unique_ptr<IWorkload> CreateQuantizedWeightedLayer(const LayerInfo& layer);

/// 8-bit Add, Sub, Mul of same-shape inputs, bit-identical to CpuRef (kernels/QuantizedElementwise.cpp).
bool CheckQuantizedElementwiseBinary(const LayerInfo& layer, std::string& reason);
std::unique_ptr<IWorkload> CreateQuantizedElementwiseBinary(const LayerInfo& layer);

inline bool IsQuantizedLayer(const LayerInfo& layer)
{
    return layer.m_Inputs[0].GetDataType() == DataType::QAsymmS8 ||
           layer.m_Inputs[0].GetDataType() == DataType::QAsymmU8;
}

} // namespace cpuacc
} // namespace armnn
