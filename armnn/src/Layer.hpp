//
// Layer: the one concrete layer class. What differs between layer types lives in the layer-type table
// (LayerTraits) and in each backend's kernel table, not in subclasses.
//
#pragma once

#include <armnn/Descriptors.hpp>
#include <armnn/INetwork.hpp>
#include <armnn/Tensor.hpp>
#include <armnn/backends/LayerInfo.hpp>

#include <memory>
#include <string>
#include <vector>

namespace armnn
{

class Layer;
class OutputSlot;

class InputSlot final : public IInputSlot
{
public:
    InputSlot(Layer& owner, unsigned int index) : m_Owner(owner), m_Index(index) {}
    InputSlot(const InputSlot&) = delete;
    InputSlot& operator=(const InputSlot&) = delete;
    InputSlot(InputSlot&&) = default;

    const IOutputSlot* GetConnection() const override;
    IOutputSlot* GetConnection() override;
    const IConnectableLayer& GetOwningIConnectableLayer() const override;
    IConnectableLayer& GetOwningIConnectableLayer() override;
    unsigned int GetSlotIndex() const override { return m_Index; }
    const TensorInfo& GetTensorInfo() const override;

    Layer& GetOwningLayer() const { return m_Owner; }
    OutputSlot* GetConnectedOutputSlot() const { return m_Connection; }
    void SetConnection(OutputSlot* source) { m_Connection = source; }

private:
    Layer& m_Owner;
    unsigned int m_Index;
    OutputSlot* m_Connection = nullptr;
};

class OutputSlot final : public IOutputSlot
{
public:
    OutputSlot(Layer& owner, unsigned int index) : m_Owner(owner), m_Index(index) {}
    OutputSlot(const OutputSlot&) = delete;
    OutputSlot& operator=(const OutputSlot&) = delete;
    OutputSlot(OutputSlot&&) = default;

    unsigned int GetNumConnections() const override { return static_cast<unsigned int>(m_Connections.size()); }
    const IInputSlot* GetConnection(unsigned int index) const override;
    IInputSlot* GetConnection(unsigned int index) override;

    void SetTensorInfo(const TensorInfo& tensorInfo) override;
    const TensorInfo& GetTensorInfo() const override;
    bool IsTensorInfoSet() const override { return m_TensorInfoSet; }

    int Connect(IInputSlot& destination) override;
    void Disconnect(IInputSlot& slot) override;

    unsigned int CalculateIndexOnOwner() const override { return m_Index; }
    LayerGuid GetOwningLayerGuid() const override;
    const IConnectableLayer& GetOwningIConnectableLayer() const override;
    IConnectableLayer& GetOwningIConnectableLayer() override;

    Layer& GetOwningLayer() const { return m_Owner; }
    const std::vector<InputSlot*>& GetConnections() const { return m_Connections; }
    /// Moves every connection of this slot to newSource.
    void MoveAllConnections(OutputSlot& newSource);

private:
    Layer& m_Owner;
    unsigned int m_Index;
    std::vector<InputSlot*> m_Connections;
    TensorInfo m_TensorInfo;
    bool m_TensorInfoSet = false;
};

/// Data of a Constant layer: immutable once created, shared by copies of the graph.
struct ConstantData
{
    TensorInfo m_Info;
    std::vector<uint8_t> m_Bytes;
};

class Layer final : public IConnectableLayer
{
public:
    /// @throws InvalidArgumentException when the descriptor asks for an impossible number of slots.
    Layer(LayerType type, const BaseDescriptor& descriptor, const char* name);
    Layer(const Layer&) = delete;
    Layer& operator=(const Layer&) = delete;

    // IConnectableLayer
    const char* GetName() const override { return m_Name.c_str(); }
    unsigned int GetNumInputSlots() const override { return static_cast<unsigned int>(m_InputSlots.size()); }
    unsigned int GetNumOutputSlots() const override { return static_cast<unsigned int>(m_OutputSlots.size()); }
    const IInputSlot& GetInputSlot(unsigned int index) const override;
    IInputSlot& GetInputSlot(unsigned int index) override;
    const IOutputSlot& GetOutputSlot(unsigned int index) const override;
    IOutputSlot& GetOutputSlot(unsigned int index) override;
    std::vector<TensorShape> InferOutputShapes(const std::vector<TensorShape>& inputShapes) const override;
    LayerGuid GetGuid() const override { return m_Guid; }
    void BackendSelectionHint(Optional<BackendId> backend) override { m_BackendHint = backend; }
    LayerType GetType() const override { return m_Type; }
    const BaseDescriptor& GetParameters() const override { return *m_Descriptor; }
    const BackendId& GetBackendId() const override { return m_BackendId; }
    void SetBackendId(const BackendId& id) override { m_BackendId = id; }

    InputSlot& GetInput(unsigned int index) { return m_InputSlots.at(index); }
    const InputSlot& GetInput(unsigned int index) const { return m_InputSlots.at(index); }
    OutputSlot& GetOutput(unsigned int index) { return m_OutputSlots.at(index); }
    const OutputSlot& GetOutput(unsigned int index) const { return m_OutputSlots.at(index); }
    std::vector<InputSlot>& GetInputSlots() { return m_InputSlots; }
    std::vector<OutputSlot>& GetOutputSlots() { return m_OutputSlots; }
    const std::vector<InputSlot>& GetInputSlots() const { return m_InputSlots; }
    const std::vector<OutputSlot>& GetOutputSlots() const { return m_OutputSlots; }

    /// The layer feeding input slot index, or null when unconnected.
    Layer* GetInputLayer(unsigned int index) const;

    const Optional<BackendId>& GetBackendHint() const { return m_BackendHint; }

    LayerBindingId GetBindingId() const { return m_BindingId; }
    void SetBindingId(LayerBindingId id) { m_BindingId = id; }

    const std::shared_ptr<const ConstantData>& GetConstantData() const { return m_ConstantData; }
    void SetConstantData(std::shared_ptr<const ConstantData> data) { m_ConstantData = std::move(data); }

    const std::shared_ptr<void>& GetPreCompiledBlob() const { return m_PreCompiledBlob; }
    void SetPreCompiledBlob(std::shared_ptr<void> blob) { m_PreCompiledBlob = std::move(blob); }

    /// Replaces the descriptor (same layer type); slot counts must not change.
    void SetDescriptor(const BaseDescriptor& descriptor);

    /// An activation applied to this layer's output, fused by Optimize when the layer's backend accepts it.
    const Optional<ActivationDescriptor>& GetFusedActivation() const { return m_FusedActivation; }
    void SetFusedActivation(const Optional<ActivationDescriptor>& activation) { m_FusedActivation = activation; }

    /// The description backends and shape inference see: descriptor, input infos, constant inputs.
    /// Output infos are filled only when withOutputs is true (all must be set).
    LayerInfo MakeLayerInfo(bool withOutputs) const;

    /// "Convolution2d 'conv1'" for messages.
    std::string Describe() const;

    /// Copies type, name, descriptor, binding id, constant data, blob, backend and hint; not the connections.
    std::unique_ptr<Layer> CloneUnconnected() const;

private:
    LayerType m_Type;
    std::string m_Name;
    LayerGuid m_Guid;
    std::unique_ptr<BaseDescriptor> m_Descriptor;
    std::vector<InputSlot> m_InputSlots;
    std::vector<OutputSlot> m_OutputSlots;
    BackendId m_BackendId{""};
    Optional<BackendId> m_BackendHint;
    Optional<ActivationDescriptor> m_FusedActivation;
    LayerBindingId m_BindingId = 0;
    std::shared_ptr<const ConstantData> m_ConstantData;
    std::shared_ptr<void> m_PreCompiledBlob;
};

} // namespace armnn
