//
// The Sample backend's kernels and the format of its compiled blob.
//
// Sample runs Float32 elementwise Add, Sub, Mul, Maximum and Minimum on inputs of identical shape. It runs them one
// layer at a time, or as a chain: OptimizeSubgraphView replaces each connected group of such layers with one
// PreCompiled layer whose blob (SampleChain) lists the operations in order, and one workload runs them all.
//
#pragma once

#include <armnn/Types.hpp>
#include <armnn/backends/IWorkload.hpp>
#include <armnn/backends/LayerInfo.hpp>

#include <memory>
#include <string>
#include <vector>

namespace armnn
{
namespace sample
{

/// Where an operation reads an operand: input slot `m_Index` of the PreCompiled layer, or the result of step
/// `m_Index` of the chain.
struct SampleOperand
{
    enum class Source
    {
        LayerInput,
        Step
    };
    Source m_Source;
    unsigned int m_Index;
};

/// One operation of a chain: the layer it came from, for messages.
struct SampleStep
{
    BinaryOperation m_Operation;
    SampleOperand m_Lhs;
    SampleOperand m_Rhs;
    std::string m_LayerName;
};

/// The compiled blob of a PreCompiled layer. A real accelerator would store machine code here; the Sample backend
/// stores the list of operations. Constant operands are not copied in: they stay Constant layers feeding the
/// PreCompiled layer, and the workload reads them once, at LoadNetwork.
struct SampleChain
{
    std::vector<SampleStep> m_Steps;
    /// For output slot i of the PreCompiled layer, the step whose result it gives.
    std::vector<unsigned int> m_OutputSteps;
};

/// True when Sample runs this operation.
bool IsSampleOperation(BinaryOperation operation);

/// Kernel-table constraint checks (the data type is checked by the table itself).
bool CheckElementwiseBinary(const LayerInfo& layer, std::string& reason);
bool CheckChain(const LayerInfo& layer, std::string& reason);

/// Kernel-table workload factories.
std::unique_ptr<IWorkload> CreateElementwiseBinary(const LayerInfo& layer);
std::unique_ptr<IWorkload> CreateChain(const LayerInfo& layer);

} // namespace sample
} // namespace armnn
