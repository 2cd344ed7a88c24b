//
// Shared per-layer tests: UnidirectionalSequenceLstm.
// One-step cases are computed by hand (comments next to them); the multi-step cases come from the NumPy reference
// in lstm_reference.py, which defines the same weights (ramps) and prints the expected values.
//
#include "LayerTestUtils.hpp"

#include <armnn/LstmParams.hpp>
#include <armnn/backends/LstmInputs.hpp>

#include <map>

using namespace armnn;
using namespace armnn::test;

namespace
{

TensorInfo Float32Info(const TensorShape& shape)
{
    return TensorInfo(shape, DataType::Float32);
}

/// start, start + step, ... (n values), as lstm_reference.py's ramp.
std::vector<float> Ramp(size_t n, double start, double step)
{
    std::vector<float> values(n);
    for (size_t k = 0; k < n; ++k)
    {
        values[k] = static_cast<float>(start + step * static_cast<double>(k));
    }
    return values;
}

/// The weights of one test LSTM, by parameter; AddLayer turns them into LstmInputParams.
struct Weights
{
    std::map<LstmParam, std::pair<TensorShape, std::vector<float>>> m_Tensors;

    void Set(LstmParam p, const TensorShape& shape, std::vector<float> values)
    {
        m_Tensors[p] = {shape, std::move(values)};
    }

    AddLayerFn AddLayer(const LstmDescriptor& desc) const
    {
        Weights copy = *this;
        return [copy, desc](INetwork& net) {
            std::vector<ConstTensor> tensors;
            tensors.reserve(copy.m_Tensors.size());
            LstmInputParams params;
            const ConstTensor** slots[kNumLstmParams] = {
                &params.m_InputToInputWeights,    &params.m_InputToForgetWeights,    &params.m_InputToCellWeights,
                &params.m_InputToOutputWeights,   &params.m_RecurrentToInputWeights, &params.m_RecurrentToForgetWeights,
                &params.m_RecurrentToCellWeights, &params.m_RecurrentToOutputWeights, &params.m_CellToInputWeights,
                &params.m_CellToForgetWeights,    &params.m_CellToOutputWeights,     &params.m_InputGateBias,
                &params.m_ForgetGateBias,         &params.m_CellBias,                &params.m_OutputGateBias,
                &params.m_ProjectionWeights,      &params.m_ProjectionBias,          &params.m_InputLayerNormWeights,
                &params.m_ForgetLayerNormWeights, &params.m_CellLayerNormWeights,    &params.m_OutputLayerNormWeights};
            for (const auto& [param, tensor] : copy.m_Tensors)
            {
                tensors.emplace_back(TensorInfo(tensor.first, DataType::Float32, 0.0f, 0, true),
                                     tensor.second.data());
                *slots[static_cast<unsigned int>(param)] = &tensors.back();
            }
            return net.AddUnidirectionalSequenceLstmLayer(desc, params, "lstm");
        };
    }
};

/// One unit, one input, all four gates: i = sigmoid(x - h) , f = sigmoid(2x - h - 1), g = act(x + 0.5h + 0.5),
/// o = sigmoid(h - 1). With x = 1, h = 1, c = 2 every sigmoid sees 0 (0.5) and the cell gate sees 2.
Weights OneUnitWeights()
{
    Weights w;
    w.Set(LstmParam::InputToInputWeights, {1, 1}, {1.0f});
    w.Set(LstmParam::InputToForgetWeights, {1, 1}, {2.0f});
    w.Set(LstmParam::InputToCellWeights, {1, 1}, {1.0f});
    w.Set(LstmParam::InputToOutputWeights, {1, 1}, {0.0f});
    w.Set(LstmParam::RecurrentToInputWeights, {1, 1}, {-1.0f});
    w.Set(LstmParam::RecurrentToForgetWeights, {1, 1}, {-1.0f});
    w.Set(LstmParam::RecurrentToCellWeights, {1, 1}, {0.5f});
    w.Set(LstmParam::RecurrentToOutputWeights, {1, 1}, {1.0f});
    w.Set(LstmParam::InputGateBias, {1}, {0.0f});
    w.Set(LstmParam::ForgetGateBias, {1}, {-1.0f});
    w.Set(LstmParam::CellBias, {1}, {0.5f});
    w.Set(LstmParam::OutputGateBias, {1}, {-1.0f});
    return w;
}

LstmDescriptor Descriptor(uint32_t activation, bool cifg = false)
{
    LstmDescriptor desc;
    desc.m_ActivationFunc = activation;
    desc.m_CifgEnabled = cifg;
    return desc;
}

std::vector<TestTensor> OneUnitInputs()
{
    return {TestTensor::Float({1, 1, 1}, {1.0f}), TestTensor::Float({1, 1}, {1.0f}),
            TestTensor::Float({1, 1}, {2.0f})};
}

std::vector<TensorInfo> Outputs(unsigned int batch, unsigned int time, unsigned int units, unsigned int outputs,
                                bool timeMajor = false)
{
    return {Float32Info({batch, outputs}), Float32Info({batch, units}),
            Float32Info(timeMajor ? TensorShape({time, batch, outputs}) : TensorShape({batch, time, outputs}))};
}

/// lstm_reference.py's full_case: peephole, projection (3 units to 2 outputs), layer norm, TanH, cell clip 0.9,
/// projection clip 0.3.
Weights FullCaseWeights()
{
    Weights w;
    const LstmParam inputW[] = {LstmParam::InputToInputWeights, LstmParam::InputToForgetWeights,
                                LstmParam::InputToCellWeights, LstmParam::InputToOutputWeights};
    const LstmParam recurrentW[] = {LstmParam::RecurrentToInputWeights, LstmParam::RecurrentToForgetWeights,
                                    LstmParam::RecurrentToCellWeights, LstmParam::RecurrentToOutputWeights};
    const LstmParam bias[] = {LstmParam::InputGateBias, LstmParam::ForgetGateBias, LstmParam::CellBias,
                              LstmParam::OutputGateBias};
    const LstmParam norm[] = {LstmParam::InputLayerNormWeights, LstmParam::ForgetLayerNormWeights,
                              LstmParam::CellLayerNormWeights, LstmParam::OutputLayerNormWeights};
    const LstmParam peephole[] = {LstmParam::CellToInputWeights, LstmParam::CellToForgetWeights,
                                  LstmParam::CellToInputWeights /* no cell-gate peephole */,
                                  LstmParam::CellToOutputWeights};
    for (int k = 0; k < 4; ++k)
    {
        w.Set(inputW[k], {3, 2}, Ramp(6, -0.5 + 0.1 * k, 0.15));
        w.Set(recurrentW[k], {3, 2}, Ramp(6, 0.4 - 0.1 * k, -0.12));
        w.Set(bias[k], {3}, Ramp(3, 0.1 * k - 0.1, 0.05));
        w.Set(norm[k], {3}, Ramp(3, 0.8 + 0.1 * k, 0.1));
        if (k != 2)
        {
            w.Set(peephole[k], {3}, Ramp(3, 0.2 - 0.1 * k, 0.1));
        }
    }
    w.Set(LstmParam::ProjectionWeights, {2, 3}, Ramp(6, -0.6, 0.25));
    w.Set(LstmParam::ProjectionBias, {2}, {0.05f, -0.05f});
    return w;
}

LstmDescriptor FullCaseDescriptor(bool timeMajor)
{
    LstmDescriptor desc = Descriptor(4);
    desc.m_PeepholeEnabled = true;
    desc.m_ProjectionEnabled = true;
    desc.m_LayerNormEnabled = true;
    desc.m_ClippingThresCell = 0.9f;
    desc.m_ClippingThresProj = 0.3f;
    desc.m_TimeMajor = timeMajor;
    return desc;
}

const std::vector<float> kFullH = {0.0093034f, 0.0659628f, -0.0475841f, 0.3000000f};
const std::vector<float> kFullC = {0.0965313f, 0.0573000f, 0.1776107f, -0.2632764f, 0.4098747f, 0.9000000f};
/// [batch 2, time 3, outputs 2]
const std::vector<float> kFullOutput = {-0.2641006f, -0.0228469f, -0.2869113f, 0.0012040f, 0.0093034f, 0.0659628f,
                                        -0.0276039f, 0.0645651f, -0.0659470f, 0.3000000f, -0.0475841f, 0.3000000f};

std::vector<TestTensor> FullCaseStates()
{
    return {TestTensor::Float({2, 2}, {0.1f, -0.2f, 0.3f, 0.0f}),
            TestTensor::Float({2, 3}, {0.5f, -0.5f, 0.25f, 0.0f, 1.0f, -1.0f})};
}

/// [batch, time, features] to [time, batch, features].
std::vector<float> SwapBatchAndTime(const std::vector<float>& v, size_t batch, size_t time, size_t features)
{
    std::vector<float> out(v.size());
    for (size_t b = 0; b < batch; ++b)
    {
        for (size_t t = 0; t < time; ++t)
        {
            for (size_t f = 0; f < features; ++f)
            {
                out[(t * batch + b) * features + f] = v[(b * time + t) * features + f];
            }
        }
    }
    return out;
}

void ExpectInvalid(const BackendId& backend, const AddLayerFn& addLayer, const std::vector<TestTensor>& inputs,
                   const std::vector<TensorInfo>& outputs)
{
    std::string unsupported;
    EXPECT_THROW(TryRunLayer(backend, addLayer, inputs, outputs, unsupported), LayerValidationException);
}

} // namespace

TEST_P(LayerTest, UnidirectionalSequenceLstmOneStepReLu)
{
    // i = f = o = 0.5, g = relu(2) = 2: c = 0.5 * 2 + 0.5 * 2 = 2, h = 0.5 * relu(2) = 1.
    ARMNN_RUN_LAYER(out, OneUnitWeights().AddLayer(Descriptor(1)), OneUnitInputs(), Outputs(1, 1, 1, 1));
    EXPECT_TRUE(AllClose(out[0].AsFloat(), {1.0f}));
    EXPECT_TRUE(AllClose(out[1].AsFloat(), {2.0f}));
    EXPECT_TRUE(AllClose(out[2].AsFloat(), {1.0f}));
}

TEST_P(LayerTest, UnidirectionalSequenceLstmOneStepTanh)
{
    // g = tanh(2) = 0.96402758, c = 0.5 * 2 + 0.5 * g = 1.48201379, h = 0.5 * tanh(c) = 0.45092230.
    ARMNN_RUN_LAYER(out, OneUnitWeights().AddLayer(Descriptor(4)), OneUnitInputs(), Outputs(1, 1, 1, 1));
    EXPECT_TRUE(AllClose(out[0].AsFloat(), {0.45092230f}));
    EXPECT_TRUE(AllClose(out[1].AsFloat(), {1.48201379f}));
    EXPECT_TRUE(AllClose(out[2].AsFloat(), {0.45092230f}));
}

TEST_P(LayerTest, UnidirectionalSequenceLstmOneStepCellClip)
{
    // As OneStepReLu with the cell state clipped to 1.5: c = 1.5, h = 0.5 * relu(1.5) = 0.75.
    LstmDescriptor desc = Descriptor(1);
    desc.m_ClippingThresCell = 1.5f;
    ARMNN_RUN_LAYER(out, OneUnitWeights().AddLayer(desc), OneUnitInputs(), Outputs(1, 1, 1, 1));
    EXPECT_TRUE(AllClose(out[1].AsFloat(), {1.5f}));
    EXPECT_TRUE(AllClose(out[2].AsFloat(), {0.75f}));
}

TEST_P(LayerTest, UnidirectionalSequenceLstmProjectionWithoutBias)
{
    // As OneStepReLu, projected by [[2], [-3]] without bias (a zero one is added): h = [2, -3] from the cell's 1;
    // the output state in has the projection's size 2, read through recurrent weights [[-1, 0]] etc.
    Weights w = OneUnitWeights();
    w.Set(LstmParam::RecurrentToInputWeights, {1, 2}, {-1.0f, 0.0f});
    w.Set(LstmParam::RecurrentToForgetWeights, {1, 2}, {-1.0f, 0.0f});
    w.Set(LstmParam::RecurrentToCellWeights, {1, 2}, {0.5f, 0.0f});
    w.Set(LstmParam::RecurrentToOutputWeights, {1, 2}, {1.0f, 0.0f});
    w.Set(LstmParam::ProjectionWeights, {2, 1}, {2.0f, -3.0f});
    LstmDescriptor desc = Descriptor(1);
    desc.m_ProjectionEnabled = true;
    ARMNN_RUN_LAYER(out, w.AddLayer(desc),
                    {TestTensor::Float({1, 1, 1}, {1.0f}), TestTensor::Float({1, 2}, {1.0f, 7.0f}),
                     TestTensor::Float({1, 1}, {2.0f})},
                    Outputs(1, 1, 1, 2));
    EXPECT_TRUE(AllClose(out[0].AsFloat(), {2.0f, -3.0f}));
    EXPECT_TRUE(AllClose(out[1].AsFloat(), {2.0f}));
    EXPECT_TRUE(AllClose(out[2].AsFloat(), {2.0f, -3.0f}));
}

TEST_P(LayerTest, UnidirectionalSequenceLstmFullBatchMajor)
{
    std::vector<TestTensor> inputs = {TestTensor::Float({2, 3, 2}, Ramp(12, -1.0, 0.2))};
    for (const TestTensor& state : FullCaseStates())
    {
        inputs.push_back(state);
    }
    ARMNN_RUN_LAYER(out, FullCaseWeights().AddLayer(FullCaseDescriptor(false)), inputs, Outputs(2, 3, 3, 2));
    EXPECT_TRUE(AllClose(out[0].AsFloat(), kFullH, 1e-5f, 1e-6f));
    EXPECT_TRUE(AllClose(out[1].AsFloat(), kFullC, 1e-5f, 1e-6f));
    EXPECT_TRUE(AllClose(out[2].AsFloat(), kFullOutput, 1e-5f, 1e-6f));
}

TEST_P(LayerTest, UnidirectionalSequenceLstmFullTimeMajor)
{
    // The same sequences laid out [time, batch, features] give the same results, laid out the same way.
    std::vector<TestTensor> inputs = {TestTensor::Float({3, 2, 2}, SwapBatchAndTime(Ramp(12, -1.0, 0.2), 2, 3, 2))};
    for (const TestTensor& state : FullCaseStates())
    {
        inputs.push_back(state);
    }
    ARMNN_RUN_LAYER(out, FullCaseWeights().AddLayer(FullCaseDescriptor(true)), inputs, Outputs(2, 3, 3, 2, true));
    EXPECT_TRUE(AllClose(out[0].AsFloat(), kFullH, 1e-5f, 1e-6f));
    EXPECT_TRUE(AllClose(out[1].AsFloat(), kFullC, 1e-5f, 1e-6f));
    EXPECT_TRUE(AllClose(out[2].AsFloat(), SwapBatchAndTime(kFullOutput, 2, 3, 2), 1e-5f, 1e-6f));
}

TEST_P(LayerTest, UnidirectionalSequenceLstmCifgPeepholeReLu6)
{
    // lstm_reference.py's cifg_case: 2 units, no input gate (i = 1 - f), peephole, ReLu6, zero initial states.
    Weights w;
    const LstmParam inputW[] = {LstmParam::InputToForgetWeights, LstmParam::InputToCellWeights,
                                LstmParam::InputToOutputWeights};
    const LstmParam recurrentW[] = {LstmParam::RecurrentToForgetWeights, LstmParam::RecurrentToCellWeights,
                                    LstmParam::RecurrentToOutputWeights};
    const LstmParam bias[] = {LstmParam::ForgetGateBias, LstmParam::CellBias, LstmParam::OutputGateBias};
    for (int k = 0; k < 3; ++k)
    {
        w.Set(inputW[k], {2, 3}, Ramp(6, 0.3 - 0.2 * k, -0.1));
        w.Set(recurrentW[k], {2, 2}, Ramp(4, -0.2 + 0.1 * k, 0.2));
        w.Set(bias[k], {2}, Ramp(2, 0.2 * k, 0.1));
    }
    w.Set(LstmParam::CellToForgetWeights, {2}, Ramp(2, 0.0, 0.3));
    w.Set(LstmParam::CellToOutputWeights, {2}, Ramp(2, -0.2, 0.3));
    LstmDescriptor desc = Descriptor(3, true);
    desc.m_PeepholeEnabled = true;
    ARMNN_RUN_LAYER(out, w.AddLayer(desc),
                    {TestTensor::Float({1, 4, 3}, Ramp(12, 1.0, -0.15)), TestTensor::Float({1, 2}, {0.0f, 0.0f}),
                     TestTensor::Float({1, 2}, {0.0f, 0.0f})},
                    Outputs(1, 4, 2, 2));
    EXPECT_TRUE(AllClose(out[0].AsFloat(), {0.1415742f, 0.3716909f}, 1e-5f, 1e-6f));
    EXPECT_TRUE(AllClose(out[1].AsFloat(), {0.2110446f, 0.4594980f}, 1e-5f, 1e-6f));
    EXPECT_TRUE(AllClose(out[2].AsFloat(), {0.0402910f, 0.0f, 0.0789244f, 0.0f, 0.1114302f, 0.1206639f, 0.1415742f,
                                            0.3716909f}, 1e-5f, 1e-6f));
}

TEST_P(LayerTest, UnidirectionalSequenceLstmMissingOrUnexpectedWeightsAreRejected)
{
    std::string unsupported;
    Weights noInputGate = OneUnitWeights();
    noInputGate.m_Tensors.erase(LstmParam::InputGateBias);
    EXPECT_THROW(TryRunLayer(Backend(), noInputGate.AddLayer(Descriptor(1)), OneUnitInputs(), Outputs(1, 1, 1, 1),
                             unsupported),
                 InvalidArgumentException);
    // Input gate weights with CIFG, which has no input gate.
    EXPECT_THROW(TryRunLayer(Backend(), OneUnitWeights().AddLayer(Descriptor(1, true)), OneUnitInputs(),
                             Outputs(1, 1, 1, 1), unsupported),
                 InvalidArgumentException);
    // Peephole without its weights.
    LstmDescriptor peephole = Descriptor(1);
    peephole.m_PeepholeEnabled = true;
    EXPECT_THROW(TryRunLayer(Backend(), OneUnitWeights().AddLayer(peephole), OneUnitInputs(), Outputs(1, 1, 1, 1),
                             unsupported),
                 InvalidArgumentException);
}

TEST_P(LayerTest, UnidirectionalSequenceLstmBadShapesAreRejected)
{
    // Recurrent weights [1, 2] for an output state of size 1.
    Weights w = OneUnitWeights();
    w.Set(LstmParam::RecurrentToCellWeights, {1, 2}, {0.5f, 0.0f});
    ExpectInvalid(Backend(), w.AddLayer(Descriptor(1)), OneUnitInputs(), Outputs(1, 1, 1, 1));
    // A cell state of the wrong batch.
    ExpectInvalid(Backend(), OneUnitWeights().AddLayer(Descriptor(1)),
                  {TestTensor::Float({1, 1, 1}, {1.0f}), TestTensor::Float({1, 1}, {1.0f}),
                   TestTensor::Float({2, 1}, {2.0f, 2.0f})},
                  Outputs(1, 1, 1, 1));
    // A rank-2 sequence.
    ExpectInvalid(Backend(), OneUnitWeights().AddLayer(Descriptor(1)),
                  {TestTensor::Float({1, 1}, {1.0f}), TestTensor::Float({1, 1}, {1.0f}),
                   TestTensor::Float({1, 1}, {2.0f})},
                  Outputs(1, 1, 1, 1));
}

TEST_P(LayerTest, UnidirectionalSequenceLstmBadParametersAreRejected)
{
    ExpectInvalid(Backend(), OneUnitWeights().AddLayer(Descriptor(5)), OneUnitInputs(), Outputs(1, 1, 1, 1));
    LstmDescriptor negativeClip = Descriptor(1);
    negativeClip.m_ClippingThresCell = -1.0f;
    ExpectInvalid(Backend(), OneUnitWeights().AddLayer(negativeClip), OneUnitInputs(), Outputs(1, 1, 1, 1));
}
