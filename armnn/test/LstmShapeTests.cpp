//
// UnidirectionalSequenceLstm's shape inference (InferAndValidate fills its three outputs, batch- and time-major) and
// the validation of every weight's shape for each combination of CIFG, peephole, projection and layer norm.
//
#include <armnn/ArmNN.hpp>
#include <armnn/backends/LstmInputs.hpp>

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

using namespace armnn;

namespace
{

constexpr unsigned int kBatch = 2, kTime = 3, kInput = 4, kUnits = 5, kProjected = 3;

/// Weights of the right shapes for `desc`, zeros; `wrong` (when set) gets one extra element in its last dimension.
struct LstmNetwork
{
    explicit LstmNetwork(const LstmDescriptor& desc, int wrong = -1) : m_Desc(desc)
    {
        const unsigned int outputs = desc.m_ProjectionEnabled ? kProjected : kUnits;
        for (unsigned int p = 0; p < kNumLstmParams; ++p)
        {
            const auto param = static_cast<LstmParam>(p);
            if (!LstmUsesParam(desc, param))
            {
                continue;
            }
            std::vector<unsigned int> dims = {kUnits};
            if (param <= LstmParam::InputToOutputWeights)
            {
                dims = {kUnits, kInput};
            }
            else if (param <= LstmParam::RecurrentToOutputWeights)
            {
                dims = {kUnits, outputs};
            }
            else if (param == LstmParam::ProjectionWeights)
            {
                dims = {kProjected, kUnits};
            }
            else if (param == LstmParam::ProjectionBias)
            {
                dims = {kProjected};
            }
            if (static_cast<int>(p) == wrong)
            {
                dims.back() += 1;
            }
            TensorShape shape(static_cast<unsigned int>(dims.size()), dims.data());
            m_Data[param].assign(shape.GetNumElements(), 0.0f);
            m_Tensors.emplace(param, ConstTensor(TensorInfo(shape, DataType::Float32, 0.0f, 0, true),
                                                 m_Data[param].data()));
        }
    }

    LstmInputParams Params() const
    {
        LstmInputParams params;
        const ConstTensor** slots[kNumLstmParams] = {
            &params.m_InputToInputWeights,    &params.m_InputToForgetWeights,    &params.m_InputToCellWeights,
            &params.m_InputToOutputWeights,   &params.m_RecurrentToInputWeights, &params.m_RecurrentToForgetWeights,
            &params.m_RecurrentToCellWeights, &params.m_RecurrentToOutputWeights, &params.m_CellToInputWeights,
            &params.m_CellToForgetWeights,    &params.m_CellToOutputWeights,     &params.m_InputGateBias,
            &params.m_ForgetGateBias,         &params.m_CellBias,                &params.m_OutputGateBias,
            &params.m_ProjectionWeights,      &params.m_ProjectionBias,          &params.m_InputLayerNormWeights,
            &params.m_ForgetLayerNormWeights, &params.m_CellLayerNormWeights,    &params.m_OutputLayerNormWeights};
        for (const auto& [param, tensor] : m_Tensors)
        {
            *slots[static_cast<unsigned int>(param)] = &tensor;
        }
        return params;
    }

    /// Optimizes input -> LSTM -> 3 outputs with InferAndValidate; returns the validation message ("" when valid)
    /// and, when valid, the inferred output shapes.
    std::string Optimize(std::vector<TensorShape>* shapes = nullptr) const
    {
        static IRuntimePtr runtime = IRuntime::Create(IRuntime::CreationOptions());
        INetworkPtr net = INetwork::Create();
        IConnectableLayer* lstm = net->AddUnidirectionalSequenceLstmLayer(m_Desc, Params(), "lstm");
        const unsigned int outputs = m_Desc.m_ProjectionEnabled ? kProjected : kUnits;
        const TensorShape inputs[] = {m_Desc.m_TimeMajor ? TensorShape({kTime, kBatch, kInput})
                                                         : TensorShape({kBatch, kTime, kInput}),
                                      TensorShape({kBatch, outputs}), TensorShape({kBatch, kUnits})};
        for (unsigned int i = 0; i < 3; ++i)
        {
            IConnectableLayer* input = net->AddInputLayer(static_cast<LayerBindingId>(i));
            input->GetOutputSlot(0).SetTensorInfo(TensorInfo(inputs[i], DataType::Float32));
            input->GetOutputSlot(0).Connect(lstm->GetInputSlot(i));
            lstm->GetOutputSlot(i).Connect(net->AddOutputLayer(static_cast<LayerBindingId>(i))->GetInputSlot(0));
        }
        OptimizerOptionsOpaque options;
        options.SetShapeInferenceMethod(ShapeInferenceMethod::InferAndValidate);
        IOptimizedNetworkPtr optimized(nullptr, nullptr);
        try
        {
            optimized = armnn::Optimize(*net, {"CpuRef"}, runtime->GetDeviceSpec(), options);
        }
        catch (const LayerValidationException& e)
        {
            return e.what();
        }
        if (shapes != nullptr)
        {
            // The inferred infos are the loaded network's output bindings.
            NetworkId id = 0;
            std::string error;
            if (runtime->LoadNetwork(id, std::move(optimized), error) != Status::Success)
            {
                return "LoadNetwork failed: " + error;
            }
            for (unsigned int o = 0; o < 3; ++o)
            {
                shapes->push_back(runtime->GetOutputTensorInfo(id, static_cast<LayerBindingId>(o)).GetShape());
            }
            runtime->UnloadNetwork(id);
        }
        return "";
    }

    LstmDescriptor m_Desc;
    std::map<LstmParam, std::vector<float>> m_Data;
    std::map<LstmParam, ConstTensor> m_Tensors;
};

LstmDescriptor Flags(bool cifg, bool peephole, bool projection, bool layerNorm, bool timeMajor = false)
{
    LstmDescriptor desc;
    desc.m_ActivationFunc = 4;
    desc.m_CifgEnabled = cifg;
    desc.m_PeepholeEnabled = peephole;
    desc.m_ProjectionEnabled = projection;
    desc.m_LayerNormEnabled = layerNorm;
    desc.m_TimeMajor = timeMajor;
    return desc;
}

} // namespace

TEST(LstmShapes, InferredOutputsBatchAndTimeMajor)
{
    for (bool timeMajor : {false, true})
    {
        std::vector<TensorShape> shapes;
        ASSERT_EQ(LstmNetwork(Flags(false, false, true, false, timeMajor)).Optimize(&shapes), "");
        ASSERT_EQ(shapes.size(), 3u);
        EXPECT_EQ(shapes[0], TensorShape({kBatch, kProjected}));
        EXPECT_EQ(shapes[1], TensorShape({kBatch, kUnits}));
        EXPECT_EQ(shapes[2], timeMajor ? TensorShape({kTime, kBatch, kProjected})
                                       : TensorShape({kBatch, kTime, kProjected}));
    }
}

TEST(LstmShapes, EveryFlagCombinationValidatesEveryWeight)
{
    // For each of the 16 combinations, the right shapes pass and each used weight with a wrong shape is named.
    for (unsigned int bits = 0; bits < 16; ++bits)
    {
        const LstmDescriptor desc = Flags(bits & 1, bits & 2, bits & 4, bits & 8);
        ASSERT_EQ(LstmNetwork(desc).Optimize(), "") << "flags " << bits;
        const LstmInputSlots slots(desc);
        for (unsigned int p = 0; p < kNumLstmParams; ++p)
        {
            const auto param = static_cast<LstmParam>(p);
            if (!slots.Has(param) || param == LstmParam::InputToForgetWeights ||
                param == LstmParam::ProjectionWeights)
            {
                continue; // these two set num_units and output_size; the others are checked against them
            }
            const std::string message = LstmNetwork(desc, static_cast<int>(p)).Optimize();
            const std::string expected = std::string(GetLstmParamName(param)) + " (input " +
                                         std::to_string(slots.Of(param)) + ")";
            EXPECT_NE(message.find(expected), std::string::npos)
                << "flags " << bits << ", " << GetLstmParamName(param) << ": '" << message << "'";
        }
    }
}

TEST(LstmShapes, InputToForgetColumnsMustMatchTheInput)
{
    // input-to-forget weights [5, 5] for 4 input features.
    const std::string message = LstmNetwork(Flags(true, false, false, false), 1 /* columns */).Optimize();
    EXPECT_NE(message.find("input-to-forget weights (input 3) has shape"), std::string::npos) << message;
}
