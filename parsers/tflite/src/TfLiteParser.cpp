//
// ITfLiteParser: loads a .tflite file (untrusted), validates it, and builds an INetwork from subgraph 0 through
// the shared operator table (Operators.cpp).
//
// Order of work: (1) FlatBuffers verification with limits on depth and table count, (2) semantic validation of
// every subgraph (indices, shapes, byte sizes, quantization, operator arities, producers), which runs in release
// builds, (3) building. Only (3) can meet unsupported features; (1) and (2) reject malformed files.
//
#include "ModelLoader.hpp"
#include "OperatorView.hpp"

#include <armnnTfLiteParser/ITfLiteParser.hpp>

#include <armnn/Descriptors.hpp>
#include <armnn/INetwork.hpp>
#include <armnn/TypesUtils.hpp>

#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <utility>

namespace armnnTfLiteParser
{

using namespace armnn;
namespace tfl = tflite_format;

class TfLiteParserImpl
{
public:
    explicit TfLiteParserImpl(const Optional<ITfLiteParser::TfLiteParserOptions>& options)
        : m_Options(options.has_value() ? options.value() : ITfLiteParser::TfLiteParserOptions())
    {}

    INetworkPtr CreateNetworkFromBinaryFile(const char* path)
    {
        if (path == nullptr)
        {
            throw InvalidArgumentException("TfLite parser: graph file name is null");
        }
        std::ifstream file(path, std::ios::binary);
        if (!file)
        {
            throw FileNotFoundException(std::string("TfLite parser: cannot open '") + path + "'");
        }
        std::vector<uint8_t> bytes((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
        if (file.bad())
        {
            throw FileNotFoundException(std::string("TfLite parser: cannot read '") + path + "'");
        }
        return CreateNetworkFromBinary(std::move(bytes)); // no second copy of the file (ResNet-50: 100 MB)
    }

    INetworkPtr CreateNetworkFromBinary(std::vector<uint8_t> bytes)
    {
        m_Model.reset();
        m_ResolvedOutputs.clear();
        auto model = std::make_unique<LoadedModel>(std::move(bytes));
        INetworkPtr network = Build(*model, 0);
        m_Model = std::move(model);
        return network;
    }

    BindingPointInfo GetBindingInfo(size_t subgraphId, const std::string& name, bool input) const
    {
        const tfl::SubGraph* sg = Subgraph(subgraphId);
        const auto* indices = input ? sg->inputs() : sg->outputs();
        for (int32_t t : *indices)
        {
            if (m_Model->TensorName(subgraphId, t) == name)
            {
                const LayerBindingId id = BindingId(static_cast<uint32_t>(t), subgraphId);
                // Subgraph 0's outputs of dynamic shape have the shape inferred while building (m_InferAndValidate).
                const auto resolved = m_ResolvedOutputs.find(t);
                TensorInfo info = subgraphId == 0 && !input && resolved != m_ResolvedOutputs.end()
                                      ? resolved->second
                                      : m_Model->GetTensorInfo(Location{subgraphId}, t);
                info.SetConstant(false);
                return {id, info};
            }
        }
        throw ParseException("TfLite parser: subgraph " + std::to_string(subgraphId) + " has no " +
                             (input ? "input" : "output") + " named '" + name + "'");
    }

    size_t GetSubgraphCount() const
    {
        Require();
        return m_Model->Model()->subgraphs()->size();
    }

    std::vector<std::string> GetTensorNames(size_t subgraphId, bool input) const
    {
        const tfl::SubGraph* sg = Subgraph(subgraphId);
        std::vector<std::string> names;
        for (int32_t t : *(input ? sg->inputs() : sg->outputs()))
        {
            names.push_back(m_Model->TensorName(subgraphId, t));
        }
        return names;
    }

private:
    static LayerBindingId BindingId(uint32_t tensorIndex, size_t subgraphIndex)
    {
        // Arm NN's convention: (tensor index << 8) + subgraph index. Ids that would overlap or overflow are refused.
        if (subgraphIndex > 0xff || tensorIndex >= (1u << 23))
        {
            throw ParseException("TfLite parser: subgraph " + std::to_string(subgraphIndex) + ", tensor " +
                                 std::to_string(tensorIndex) + ": no binding id ((tensor << 8) + subgraph) exists "
                                 "for subgraphs past 255 or tensors past 2^23 - 1");
        }
        return static_cast<LayerBindingId>((tensorIndex << 8) + static_cast<uint32_t>(subgraphIndex));
    }

    void Require() const
    {
        if (!m_Model)
        {
            throw ParseException("TfLite parser: no model has been parsed yet");
        }
    }

    const tfl::SubGraph* Subgraph(size_t id) const
    {
        Require();
        if (id >= m_Model->Model()->subgraphs()->size())
        {
            throw ParseException("TfLite parser: subgraph " + std::to_string(id) + " does not exist (the model has " +
                                 std::to_string(m_Model->Model()->subgraphs()->size()) + ")");
        }
        return m_Model->Model()->subgraphs()->Get(static_cast<flatbuffers::uoffset_t>(id));
    }

    class Builder : public ops::IGraphBuilder
    {
    public:
        Builder(INetwork& network, std::vector<IOutputSlot*>& slots, const LoadedModel& model, size_t subgraph,
                bool inferShapes)
            : m_Network(network), m_Slots(slots), m_Model(model), m_Subgraph(subgraph), m_InferShapes(inferShapes)
        {
            for (IOutputSlot* slot : slots)
            {
                if (slot != nullptr)
                {
                    m_Final.insert(slot); // the network inputs
                }
            }
        }

        INetwork& Network() override { return m_Network; }

        IOutputSlot& Input(size_t i) override
        {
            const ops::TensorView& t = m_Op->inputs.at(i);
            if (!t.present)
            {
                throw ops::OperatorError("input " + std::to_string(i) + " is missing");
            }
            IOutputSlot*& slot = m_Slots[static_cast<size_t>(t.index)];
            if (slot == nullptr)
            {
                if (!t.IsConstant())
                {
                    // Validation guarantees producers come first; this is a defensive check.
                    throw ops::OperatorError("input tensor " + std::to_string(t.index) + " has no producer");
                }
                IConnectableLayer* layer =
                    m_Network.AddConstantLayer(ConstTensor(t.info, t.data), ("constant:" + t.name).c_str());
                layer->GetOutputSlot(0).SetTensorInfo(t.info);
                slot = &layer->GetOutputSlot(0);
                m_Final.insert(slot);
            }
            return *slot;
        }

        void SetOutput(size_t i, IOutputSlot& slot) override
        {
            const ops::TensorView& t = m_Op->outputs.at(i);
            slot.SetTensorInfo(t.info);
            if (m_InferShapes)
            {
                if (const auto dynamic = m_Model.DynamicShape(m_Subgraph, t.index))
                {
                    Reinfer(slot);
                    CheckAgainstSignature(t, *dynamic, slot.GetTensorInfo().GetShape());
                    m_Resolved[t.index] = slot.GetTensorInfo();
                }
            }
            m_Slots[static_cast<size_t>(t.index)] = &slot;
            m_Final.insert(&slot);
        }

        /// With shape inference: outputs of unknown rank are given as such to the converter (outputs with a
        /// shape signature keep their stored shape, which converters may read); inputs produced by dynamic outputs
        /// get the inferred info.
        void ApplyDynamicShapes(ops::OperatorView& view) const
        {
            if (!m_InferShapes)
            {
                return;
            }
            for (ops::TensorView& t : view.inputs)
            {
                auto it = m_Resolved.find(t.index);
                if (t.present && it != m_Resolved.end())
                {
                    t.info = it->second;
                }
            }
            for (ops::TensorView& t : view.outputs)
            {
                if (!t.present)
                {
                    continue;
                }
                const auto shape = m_Model.DynamicShape(m_Subgraph, t.index);
                if (shape && shape->GetDimensionality() == Dimensionality::NotSpecified)
                {
                    t.info.SetShape(*shape);
                }
            }
        }

        const std::map<int32_t, TensorInfo>& Resolved() const { return m_Resolved; }

        void SetConstantOutputData(size_t i, std::vector<uint8_t> bytes) override
        {
            m_Folded[m_Op->outputs.at(i).index] = std::move(bytes);
        }

        /// Inputs folded to constants at parse time become constant inputs of the view.
        void AddFoldedConstants(ops::OperatorView& view) const
        {
            for (ops::TensorView& t : view.inputs)
            {
                auto it = m_Folded.find(t.index);
                if (t.present && !t.IsConstant() && it != m_Folded.end() && it->second.size() == t.info.GetNumBytes())
                {
                    t.data = it->second.data();
                    t.info.SetConstant(true);
                }
            }
        }

        void SetOperator(const ops::OperatorView* op) { m_Op = op; }

    private:
        /// Infers again the shapes of the layers the current operator added, up to `slot`, from the final shapes
        /// of what they read (earlier operators' outputs, network inputs, constants).
        void Reinfer(IOutputSlot& slot, unsigned int depth = 0)
        {
            if (m_Final.count(&slot) != 0)
            {
                return;
            }
            IConnectableLayer& layer = slot.GetOwningIConnectableLayer();
            if (depth > 64)
            {
                throw ops::OperatorError(std::string("cannot infer the output shape of layer '") + layer.GetName() +
                                         "': too many layers in a row");
            }
            std::vector<TensorShape> inputShapes;
            for (unsigned int i = 0; i < layer.GetNumInputSlots(); ++i)
            {
                IOutputSlot* source = layer.GetInputSlot(i).GetConnection();
                if (source == nullptr)
                {
                    throw ops::OperatorError(std::string("cannot infer the output shape of layer '") +
                                             layer.GetName() + "': input " + std::to_string(i) + " is not connected");
                }
                Reinfer(*source, depth + 1);
                inputShapes.push_back(source->GetTensorInfo().GetShape());
            }
            const std::vector<TensorShape> shapes = layer.InferOutputShapes(inputShapes);
            for (unsigned int o = 0; o < layer.GetNumOutputSlots() && o < shapes.size(); ++o)
            {
                IOutputSlot& out = layer.GetOutputSlot(o);
                TensorInfo info = out.GetTensorInfo();
                info.SetShape(shapes[o]);
                out.SetTensorInfo(info);
            }
        }

        /// The inferred shape must agree with the dimensions the model's shape signature does give.
        static void CheckAgainstSignature(const ops::TensorView& t, const TensorShape& given,
                                          const TensorShape& inferred)
        {
            if (given.GetDimensionality() == Dimensionality::NotSpecified)
            {
                return;
            }
            bool same = given.GetNumDimensions() == inferred.GetNumDimensions();
            for (unsigned int d = 0; same && d < given.GetNumDimensions(); ++d)
            {
                same = !given.GetDimensionSpecificity(d) || given[d] == inferred[d];
            }
            if (!same)
            {
                std::ostringstream ss;
                ss << "output tensor " << t.index << " '" << t.name << "': the inferred shape " << inferred
                   << " does not match the model's shape signature " << given;
                throw ops::OperatorError(ss.str());
            }
        }

        INetwork& m_Network;
        std::vector<IOutputSlot*>& m_Slots;
        const LoadedModel& m_Model;
        size_t m_Subgraph;
        bool m_InferShapes;
        const ops::OperatorView* m_Op = nullptr;
        std::map<int32_t, std::vector<uint8_t>> m_Folded;
        std::map<int32_t, TensorInfo> m_Resolved;
        /// Slots whose shapes are settled: network inputs, constants, registered operator outputs.
        std::set<const IOutputSlot*> m_Final;
    };

    INetworkPtr Build(const LoadedModel& model, size_t s)
    {
        const tfl::SubGraph* sg = model.Model()->subgraphs()->Get(static_cast<flatbuffers::uoffset_t>(s));
        // Arm NN's network options for the same two parser options.
        NetworkOptions networkOptions;
        if (m_Options.m_InferAndValidate)
        {
            networkOptions.push_back(BackendOptions("ShapeInferenceMethod", {{"InferAndValidate", true}}));
        }
        if (m_Options.m_AllowExpandedDims)
        {
            networkOptions.push_back(BackendOptions("AllowExpandedDims", {{"AllowExpandedDims", true}}));
        }
        INetworkPtr network = INetwork::Create(networkOptions);
        const size_t numTensors = sg->tensors() ? sg->tensors()->size() : 0;
        std::vector<IOutputSlot*> slots(numTensors, nullptr);

        for (int32_t t : *sg->inputs())
        {
            TensorInfo info = model.GetTensorInfo(Location{s}, t);
            if (info.IsConstant())
            {
                continue; // a constant listed as an input: TFLite feeds its data, so do we
            }
            const std::string name = model.TensorName(s, t);
            IConnectableLayer* layer = network->AddInputLayer(BindingId(static_cast<uint32_t>(t), s), name.c_str());
            layer->GetOutputSlot(0).SetTensorInfo(info);
            slots[static_cast<size_t>(t)] = &layer->GetOutputSlot(0);
        }

        Builder builder(*network, slots, model, s, m_Options.m_InferAndValidate);
        const uint32_t numOps = sg->operators() ? sg->operators()->size() : 0;
        for (uint32_t o = 0; o < numOps; ++o)
        {
            const tfl::Operator* op = sg->operators()->Get(o);
            ops::OperatorView view = model.MakeView(s, o);
            builder.AddFoldedConstants(view);
            builder.ApplyDynamicShapes(view);
            const ops::OperatorEntry* entry = ops::FindOperator(view.builtinCode, view.opName);
            const Location where{s, static_cast<int64_t>(o), view.opName};
            builder.SetOperator(&view);
            try
            {
                if (entry != nullptr)
                {
                    entry->convert(view, builder);
                }
                else if (m_Options.m_StandInLayerForUnsupported)
                {
                    uint32_t numInputs = 0;
                    for (const auto& in : view.inputs)
                    {
                        numInputs += in.present ? 1 : 0;
                    }
                    StandInDescriptor desc(numInputs, static_cast<uint32_t>(view.outputs.size()));
                    IConnectableLayer* layer = network->AddStandInLayer(desc, view.LayerName().c_str());
                    unsigned int slot = 0;
                    for (size_t i = 0; i < view.inputs.size(); ++i)
                    {
                        if (view.inputs[i].present)
                        {
                            builder.Input(i).Connect(layer->GetInputSlot(slot++));
                        }
                    }
                    for (size_t i = 0; i < view.outputs.size(); ++i)
                    {
                        builder.SetOutput(i, layer->GetOutputSlot(static_cast<unsigned int>(i)));
                    }
                }
                else
                {
                    throw ops::OperatorError("operator is not supported (see docs/tflite-operators.md)");
                }
            }
            catch (const ParseException& e)
            {
                throw ParseException(where.Prefix() + e.what());
            }
            catch (const Exception& e)
            {
                throw ParseException(where.Prefix() + "cannot build the operator: " + e.what());
            }
            (void)op;
            for (const auto& out : view.outputs)
            {
                if (slots[static_cast<size_t>(out.index)] == nullptr)
                {
                    throw ParseException(where.Prefix() + "output tensor " + std::to_string(out.index) +
                                         " was not produced by the conversion");
                }
            }
        }

        for (int32_t t : *sg->outputs())
        {
            const std::string name = model.TensorName(s, t);
            IOutputSlot* slot = slots[static_cast<size_t>(t)];
            if (slot == nullptr)
            {
                TensorInfo info = model.GetTensorInfo(Location{s}, t);
                const ops::TensorView view = model.MakeTensorView(s, t);
                if (!view.IsConstant())
                {
                    throw ParseException(Location{s, -1, "", t, name}.Prefix() + "subgraph output has no producer");
                }
                IConnectableLayer* c = network->AddConstantLayer(ConstTensor(view.info, view.data),
                                                                 ("constant:" + name).c_str());
                c->GetOutputSlot(0).SetTensorInfo(view.info);
                slot = &c->GetOutputSlot(0);
            }
            IConnectableLayer* layer = network->AddOutputLayer(BindingId(static_cast<uint32_t>(t), s), name.c_str());
            slot->Connect(layer->GetInputSlot(0));
        }
        m_ResolvedOutputs = builder.Resolved();
        return network;
    }

    ITfLiteParser::TfLiteParserOptions m_Options;
    std::unique_ptr<LoadedModel> m_Model;
    /// Tensors of subgraph 0 whose dynamic shape was inferred while building, by tensor index.
    std::map<int32_t, TensorInfo> m_ResolvedOutputs;
};

// ---- ITfLiteParser ----

ITfLiteParser::ITfLiteParser(const Optional<TfLiteParserOptions>& options)
    : pTfLiteParserImpl(std::make_unique<TfLiteParserImpl>(options))
{}

ITfLiteParser::~ITfLiteParser() = default;

ITfLiteParser* ITfLiteParser::CreateRaw(const Optional<TfLiteParserOptions>& options)
{
    return new ITfLiteParser(options);
}

ITfLiteParserPtr ITfLiteParser::Create(const Optional<TfLiteParserOptions>& options)
{
    return ITfLiteParserPtr(CreateRaw(options), &ITfLiteParser::Destroy);
}

void ITfLiteParser::Destroy(ITfLiteParser* parser)
{
    delete parser;
}

INetworkPtr ITfLiteParser::CreateNetworkFromBinaryFile(const char* graphFile)
{
    return pTfLiteParserImpl->CreateNetworkFromBinaryFile(graphFile);
}

INetworkPtr ITfLiteParser::CreateNetworkFromBinary(const std::vector<uint8_t>& binaryContent)
{
    return pTfLiteParserImpl->CreateNetworkFromBinary(binaryContent);
}

BindingPointInfo ITfLiteParser::GetNetworkInputBindingInfo(size_t subgraphId, const std::string& name) const
{
    return pTfLiteParserImpl->GetBindingInfo(subgraphId, name, true);
}

BindingPointInfo ITfLiteParser::GetNetworkOutputBindingInfo(size_t subgraphId, const std::string& name) const
{
    return pTfLiteParserImpl->GetBindingInfo(subgraphId, name, false);
}

size_t ITfLiteParser::GetSubgraphCount() const
{
    return pTfLiteParserImpl->GetSubgraphCount();
}

std::vector<std::string> ITfLiteParser::GetSubgraphInputTensorNames(size_t subgraphId) const
{
    return pTfLiteParserImpl->GetTensorNames(subgraphId, true);
}

std::vector<std::string> ITfLiteParser::GetSubgraphOutputTensorNames(size_t subgraphId) const
{
    return pTfLiteParserImpl->GetTensorNames(subgraphId, false);
}

} // namespace armnnTfLiteParser
