//
// INetwork: the graph a program or a parser builds; Optimize: turns it into an IOptimizedNetwork
// whose every layer has a backend.
//
#pragma once

#include "BackendOptions.hpp"
#include "Deprecated.hpp"
#include "DescriptorsFwd.hpp"
#include "IProfiler.hpp"
#include "NetworkFwd.hpp"
#include "Optional.hpp"
#include "TensorFwd.hpp"
#include "Types.hpp"

#include <functional>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

namespace armnn
{

/// An input connection point of a layer.
class IInputSlot
{
public:
    virtual const IOutputSlot* GetConnection() const = 0;
    virtual IOutputSlot* GetConnection() = 0;
    virtual const IConnectableLayer& GetOwningIConnectableLayer() const = 0;
    virtual IConnectableLayer& GetOwningIConnectableLayer() = 0;
    virtual unsigned int GetSlotIndex() const = 0;
    /// The TensorInfo of the connected output slot.
    /// @throws InvalidArgumentException when the slot is not connected.
    virtual const TensorInfo& GetTensorInfo() const = 0;

protected:
    /// Not user deletable.
    ~IInputSlot() {}
};

/// An output connection point of a layer; it carries the TensorInfo of the tensor the layer produces.
class IOutputSlot
{
public:
    virtual unsigned int GetNumConnections() const = 0;
    virtual const IInputSlot* GetConnection(unsigned int index) const = 0;
    virtual IInputSlot* GetConnection(unsigned int outputindex) = 0;

    virtual void SetTensorInfo(const TensorInfo& tensorInfo) = 0;
    virtual const TensorInfo& GetTensorInfo() const = 0;
    virtual bool IsTensorInfoSet() const = 0;

    /// Connects this output to an input slot. Returns 0.
    /// @throws InvalidArgumentException when the input slot is already connected.
    virtual int Connect(IInputSlot& destination) = 0;
    virtual void Disconnect(IInputSlot& slot) = 0;

    virtual unsigned int CalculateIndexOnOwner() const = 0;
    virtual LayerGuid GetOwningLayerGuid() const = 0;
    virtual const IConnectableLayer& GetOwningIConnectableLayer() const = 0;
    virtual IConnectableLayer& GetOwningIConnectableLayer() = 0;

protected:
    /// Not user deletable.
    ~IOutputSlot() {}
};

/// A layer of a network: owned by its INetwork, valid while the network lives.
class IConnectableLayer
{
public:
    /// The name given at creation ("" when none).
    virtual const char* GetName() const = 0;

    virtual unsigned int GetNumInputSlots() const = 0;
    virtual unsigned int GetNumOutputSlots() const = 0;

    /// @throws InvalidArgumentException when index is out of range.
    virtual const IInputSlot& GetInputSlot(unsigned int index) const = 0;
    virtual IInputSlot& GetInputSlot(unsigned int index) = 0;
    virtual const IOutputSlot& GetOutputSlot(unsigned int index) const = 0;
    virtual IOutputSlot& GetOutputSlot(unsigned int index) = 0;

    /// Output shapes this layer produces for the given input shapes.
    /// @throws LayerValidationException when the inputs are not valid for the layer.
    virtual std::vector<TensorShape> InferOutputShapes(const std::vector<TensorShape>& inputShapes) const = 0;

    virtual LayerGuid GetGuid() const = 0;

    /// Asks Optimize to prefer this backend for the layer when it supports it.
    virtual void BackendSelectionHint(Optional<BackendId> backend) = 0;

    virtual LayerType GetType() const = 0;

    /// The layer's descriptor; NullDescriptor for layers without parameters.
    virtual const BaseDescriptor& GetParameters() const = 0;

    /// The backend Optimize assigned ("" before Optimize).
    virtual const BackendId& GetBackendId() const = 0;
    virtual void SetBackendId(const BackendId& id) = 0;

protected:
    /// Objects are not deletable via the handle
    ~IConnectableLayer() {}
};

/// Releases a compiled blob handed to a PreCompiled layer.
using CompiledBlobDeleter = std::function<void(const void*)>;
using CompiledBlobPtr = std::unique_ptr<void, CompiledBlobDeleter>;

using INetworkPtr = std::unique_ptr<INetwork, void (*)(INetwork* network)>;
using IOptimizedNetworkPtr = std::unique_ptr<IOptimizedNetwork, void (*)(IOptimizedNetwork* network)>;

/// Deprecated plain-struct form of the optimizer options, kept for older programs and PyArmNN.
struct OptimizerOptions
{
    OptimizerOptions()
        : m_ReduceFp32ToFp16(false), m_Debug(false), m_DebugToFile(false), m_ReduceFp32ToBf16(false),
          m_shapeInferenceMethod(armnn::ShapeInferenceMethod::ValidateOnly), m_ImportEnabled(false),
          m_ModelOptions(), m_ProfilingEnabled(false), m_ExportEnabled(false), m_AllowExpandedDims(false)
    {}

    OptimizerOptions(bool reduceFp32ToFp16, bool debug, bool reduceFp32ToBf16, bool importEnabled,
                     ModelOptions modelOptions = {}, bool exportEnabled = false, bool debugToFile = false)
        : m_ReduceFp32ToFp16(reduceFp32ToFp16), m_Debug(debug), m_DebugToFile(debugToFile),
          m_ReduceFp32ToBf16(reduceFp32ToBf16), m_shapeInferenceMethod(armnn::ShapeInferenceMethod::ValidateOnly),
          m_ImportEnabled(importEnabled), m_ModelOptions(modelOptions), m_ProfilingEnabled(false),
          m_ExportEnabled(exportEnabled), m_AllowExpandedDims(false)
    {}

    OptimizerOptions(bool reduceFp32ToFp16, bool debug, bool reduceFp32ToBf16 = false,
                     ShapeInferenceMethod shapeInferenceMethod = armnn::ShapeInferenceMethod::ValidateOnly,
                     bool importEnabled = false, ModelOptions modelOptions = {}, bool exportEnabled = false,
                     bool debugToFile = false, bool allowExpandedDims = false)
        : m_ReduceFp32ToFp16(reduceFp32ToFp16), m_Debug(debug), m_DebugToFile(debugToFile),
          m_ReduceFp32ToBf16(reduceFp32ToBf16), m_shapeInferenceMethod(shapeInferenceMethod),
          m_ImportEnabled(importEnabled), m_ModelOptions(modelOptions), m_ProfilingEnabled(false),
          m_ExportEnabled(exportEnabled), m_AllowExpandedDims(allowExpandedDims)
    {}

    std::string ToString() const;

    bool m_ReduceFp32ToFp16;
    bool m_Debug;
    bool m_DebugToFile;
    bool m_ReduceFp32ToBf16;
    ShapeInferenceMethod m_shapeInferenceMethod;
    /// Lets Optimize use zero-copy imports instead of copies where two backends share memory.
    bool m_ImportEnabled;
    ModelOptions m_ModelOptions;
    bool m_ProfilingEnabled;
    bool m_ExportEnabled;
    bool m_AllowExpandedDims;
};

struct OptimizerOptionsOpaqueImpl;

/// Options of Optimize, behind a stable interface.
class OptimizerOptionsOpaque
{
public:
    OptimizerOptionsOpaque();
    OptimizerOptionsOpaque(const OptimizerOptionsOpaque& other);
    ~OptimizerOptionsOpaque();

    OptimizerOptionsOpaque(const OptimizerOptions& OptimizerStruct);
    OptimizerOptionsOpaque& operator=(OptimizerOptionsOpaque other);

    OptimizerOptionsOpaque(bool reduceFp32ToFp16, bool debug, bool reduceFp32ToBf16, bool importEnabled,
                           ModelOptions modelOptions = {}, bool exportEnabled = false, bool debugToFile = false);
    OptimizerOptionsOpaque(bool reduceFp32ToFp16, bool debug, bool reduceFp32ToBf16 = false,
                           ShapeInferenceMethod shapeInferenceMethod = armnn::ShapeInferenceMethod::ValidateOnly,
                           bool importEnabled = false, ModelOptions modelOptions = {}, bool exportEnabled = false,
                           bool debugToFile = false, bool allowExpandedDims = false);

    const std::string ToString() const;

    bool GetProfilingEnabled() const;
    bool GetImportEnabled() const;
    bool GetExportEnabled() const;
    bool GetReduceFp32ToFp16() const;
    bool GetReduceFp32ToBf16() const;
    bool GetDebugEnabled() const;
    bool GetDebugToFileEnabled() const;
    bool GetAllowExpandedDims() const;
    armnn::ModelOptions GetModelOptions() const;
    armnn::ShapeInferenceMethod GetShapeInferenceMethod() const;

    void SetImportEnabled(bool ImportState);
    void SetExportEnabled(bool ExportState);
    void SetProfilingEnabled(bool ProfilingState);
    void SetDebugEnabled(bool DebugState);
    void SetDebugToFileEnabled(bool DebugFileState);
    void SetReduceFp32ToFp16(bool ReduceFp32ToFp16State);
    void SetShapeInferenceMethod(armnn::ShapeInferenceMethod ShapeInferenceMethodType);
    void AddModelOption(armnn::BackendOptions);
    void SetAllowExpandedDims(bool ExpandedDimsAllowed);

private:
    std::unique_ptr<armnn::OptimizerOptionsOpaqueImpl> p_OptimizerOptionsImpl;
};

class NetworkImpl;
class OptimizedNetworkImpl;

/// A network under construction. Create with INetwork::Create; layers it returns live as long as it does.
class INetwork
{
public:
    static INetwork* CreateRaw(const NetworkOptions& networkOptions = {});
    static INetworkPtr Create(const NetworkOptions& networkOptions = {});
    static void Destroy(INetwork* network);

    Status PrintGraph();

    /// An input of the network; id is the binding used in EnqueueWorkload's InputTensors.
    IConnectableLayer* AddInputLayer(LayerBindingId id, const char* name = nullptr);
    /// An output of the network; id is the binding used in EnqueueWorkload's OutputTensors.
    IConnectableLayer* AddOutputLayer(LayerBindingId id, const char* name = nullptr);

    /// A constant tensor; the data is copied.
    /// @throws InvalidArgumentException when the tensor's info is not marked constant.
    IConnectableLayer* AddConstantLayer(const ConstTensor& input, const char* name = nullptr);

    IConnectableLayer* AddActivationLayer(const ActivationDescriptor& activationDescriptor,
                                          const char* name = nullptr);
    IConnectableLayer* AddArgMinMaxLayer(const ArgMinMaxDescriptor& desc, const char* name = nullptr);
    IConnectableLayer* AddBatchMatMulLayer(const BatchMatMulDescriptor& descriptor, const char* name = nullptr);
    /// Mean, variance, beta and gamma become Constant layers connected to input slots 1 to 4.
    IConnectableLayer* AddBatchNormalizationLayer(const BatchNormalizationDescriptor& desc, const ConstTensor& mean,
                                                  const ConstTensor& variance, const ConstTensor& beta,
                                                  const ConstTensor& gamma, const char* name = nullptr);
    IConnectableLayer* AddBatchToSpaceNdLayer(const BatchToSpaceNdDescriptor& batchToSpaceNdDescriptor,
                                              const char* name = nullptr);
    IConnectableLayer* AddBroadcastToLayer(const BroadcastToDescriptor& descriptor, const char* name = nullptr);
    IConnectableLayer* AddCastLayer(const char* name = nullptr);
    IConnectableLayer* AddChannelShuffleLayer(const ChannelShuffleDescriptor& descriptor,
                                              const char* name = nullptr);
    IConnectableLayer* AddComparisonLayer(const ComparisonDescriptor& comparisonDescriptor,
                                          const char* name = nullptr);
    IConnectableLayer* AddConcatLayer(const ConcatDescriptor& concatDescriptor, const char* name = nullptr);
    /// Input slot 1 takes the weights, slot 2 the bias when m_BiasEnabled.
    IConnectableLayer* AddConvolution2dLayer(const Convolution2dDescriptor& convolution2dDescriptor,
                                             const char* name = nullptr);
    IConnectableLayer* AddConvolution3dLayer(const Convolution3dDescriptor& convolution3dDescriptor,
                                             const char* name = nullptr);
    IConnectableLayer* AddDepthToSpaceLayer(const DepthToSpaceDescriptor& depthToSpaceDescriptor,
                                            const char* name = nullptr);
    /// Input slot 1 takes the weights [1, H, W, I*M], slot 2 the bias when m_BiasEnabled.
    IConnectableLayer* AddDepthwiseConvolution2dLayer(
        const DepthwiseConvolution2dDescriptor& convolution2dDescriptor, const char* name = nullptr);
    IConnectableLayer* AddDequantizeLayer(const char* name = nullptr);
    /// Inputs: box encodings and scores; the anchors become a Constant layer on input slot 2.
    IConnectableLayer* AddDetectionPostProcessLayer(const DetectionPostProcessDescriptor& descriptor,
                                                    const ConstTensor& anchors, const char* name = nullptr);
    IConnectableLayer* AddElementwiseBinaryLayer(const ElementwiseBinaryDescriptor& elementwiseBinaryDescriptor,
                                                 const char* name = nullptr);
    IConnectableLayer* AddElementwiseUnaryLayer(const ElementwiseUnaryDescriptor& elementwiseUnaryDescriptor,
                                                const char* name = nullptr);
    IConnectableLayer* AddFillLayer(const FillDescriptor& fillDescriptor, const char* name = nullptr);
    IConnectableLayer* AddFloorLayer(const char* name = nullptr);
    /// Input slot 1 takes the weights, slot 2 the bias when m_BiasEnabled.
    IConnectableLayer* AddFullyConnectedLayer(const FullyConnectedDescriptor& fullyConnectedDescriptor,
                                              const char* name = nullptr);
    IConnectableLayer* AddGatherLayer(const GatherDescriptor& descriptor, const char* name = nullptr);
    /// Inputs: params and indices (Signed32, last dimension K indexes the first K dimensions of params).
    IConnectableLayer* AddGatherNdLayer(const char* name = nullptr);
    IConnectableLayer* AddInstanceNormalizationLayer(const InstanceNormalizationDescriptor& desc,
                                                     const char* name = nullptr);
    IConnectableLayer* AddL2NormalizationLayer(const L2NormalizationDescriptor& desc, const char* name = nullptr);
    IConnectableLayer* AddLogicalBinaryLayer(const LogicalBinaryDescriptor& descriptor, const char* name = nullptr);
    IConnectableLayer* AddLogSoftmaxLayer(const LogSoftmaxDescriptor& logSoftmaxDescriptor,
                                          const char* name = nullptr);
    IConnectableLayer* AddMeanLayer(const MeanDescriptor& meanDescriptor, const char* name = nullptr);
    IConnectableLayer* AddNormalizationLayer(const NormalizationDescriptor& normalizationDescriptor,
                                             const char* name = nullptr);
    IConnectableLayer* AddPadLayer(const PadDescriptor& padDescriptor, const char* name = nullptr);
    IConnectableLayer* AddPermuteLayer(const PermuteDescriptor& permuteDescriptor, const char* name = nullptr);
    IConnectableLayer* AddPooling2dLayer(const Pooling2dDescriptor& pooling2dDescriptor,
                                         const char* name = nullptr);
    /// A layer that runs a blob compiled by the given backend.
    IConnectableLayer* AddPrecompiledLayer(const PreCompiledDescriptor& preCompiledDescriptor,
                                           CompiledBlobPtr compiledBlobPtr, const Optional<BackendId>& backend,
                                           const char* name = nullptr);
    IConnectableLayer* AddPreluLayer(const char* name = nullptr);
    IConnectableLayer* AddQuantizeLayer(const char* name = nullptr);
    IConnectableLayer* AddRankLayer(const char* name = nullptr);
    IConnectableLayer* AddReduceLayer(const ReduceDescriptor& reduceDescriptor, const char* name = nullptr);
    IConnectableLayer* AddReshapeLayer(const ReshapeDescriptor& reshapeDescriptor, const char* name = nullptr);
    IConnectableLayer* AddResizeLayer(const ResizeDescriptor& resizeDescriptor, const char* name = nullptr);
    /// Inputs: the tensor and the axes to reverse (Signed32, rank 1; read at run time unless constant).
    IConnectableLayer* AddReverseV2Layer(const char* name = nullptr);
    /// Inputs: input 0 (the tensor to update, or with !m_InputEnabled a constant Signed32 shape), indices
    /// (Signed32), updates.
    IConnectableLayer* AddScatterNdLayer(const ScatterNdDescriptor& descriptor, const char* name = nullptr);
    IConnectableLayer* AddShapeLayer(const char* name = nullptr);
    IConnectableLayer* AddSliceLayer(const SliceDescriptor& sliceDescriptor, const char* name = nullptr);
    IConnectableLayer* AddSoftmaxLayer(const SoftmaxDescriptor& softmaxDescriptor, const char* name = nullptr);
    IConnectableLayer* AddSpaceToBatchNdLayer(const SpaceToBatchNdDescriptor& spaceToBatchNdDescriptor,
                                              const char* name = nullptr);
    IConnectableLayer* AddSpaceToDepthLayer(const SpaceToDepthDescriptor& spaceToDepthDescriptor,
                                            const char* name = nullptr);
    IConnectableLayer* AddSplitterLayer(const ViewsDescriptor& splitterDescriptor, const char* name = nullptr);
    IConnectableLayer* AddStackLayer(const StackDescriptor& descriptor, const char* name = nullptr);
    /// A placeholder for an operator no backend implements; Optimize rejects it with its name.
    IConnectableLayer* AddStandInLayer(const StandInDescriptor& descriptor, const char* name = nullptr);
    IConnectableLayer* AddStridedSliceLayer(const StridedSliceDescriptor& stridedSliceDescriptor,
                                            const char* name = nullptr);
    IConnectableLayer* AddTileLayer(const TileDescriptor& descriptor, const char* name = nullptr);
    IConnectableLayer* AddTransposeLayer(const TransposeDescriptor& transposeDescriptor,
                                         const char* name = nullptr);
    /// Weights and biases become Constant layers connected to input slots 1 and 2.
    IConnectableLayer* AddTransposeConvolution2dLayer(const TransposeConvolution2dDescriptor& descriptor,
                                                      const ConstTensor& weights, const Optional<ConstTensor>& biases,
                                                      const char* name = nullptr);
    /// Extensions (no Arm NN equivalent). TopK: input 0 data (and input 1 K with m_KInput), outputs values and
    /// indices. RoiAlign: inputs features, rois, batch indices; one output.
    IConnectableLayer* AddTopKLayer(const TopKDescriptor& descriptor, const char* name = nullptr);
    IConnectableLayer* AddRoiAlignLayer(const RoiAlignDescriptor& descriptor, const char* name = nullptr);

    /// An LSTM over a whole sequence. Inputs: 0 the sequence ([batch, time, input_size], or [time, batch,
    /// input_size] with m_TimeMajor), 1 the output state in [batch, output_size], 2 the cell state in
    /// [batch, num_units]. Outputs: 0 the output state out, 1 the cell state out (the states after the last step),
    /// 2 the output sequence ([batch, time, output_size], or time-major). The weights (see LstmInputParams, which
    /// says which must be set for the descriptor) become Constant layers connected to input slots 3 onwards, in
    /// LstmInputParams' order, skipping the tensors the descriptor does not use; with projection and no projection
    /// bias, a zero bias is added.
    /// @throws InvalidArgumentException naming the parameter when a required tensor is missing or an unused one
    /// is set.
    IConnectableLayer* AddUnidirectionalSequenceLstmLayer(const UnidirectionalSequenceLstmDescriptor& descriptor,
                                                          const LstmInputParams& params,
                                                          const char* name = nullptr);

    // Older element-wise entry points; each adds an ElementwiseBinary layer.
    ARMNN_DEPRECATED_MSG("Use AddElementwiseBinaryLayer instead")
    IConnectableLayer* AddAdditionLayer(const char* name = nullptr);
    ARMNN_DEPRECATED_MSG("Use AddElementwiseBinaryLayer instead")
    IConnectableLayer* AddMultiplicationLayer(const char* name = nullptr);
    ARMNN_DEPRECATED_MSG("Use AddElementwiseBinaryLayer instead")
    IConnectableLayer* AddDivisionLayer(const char* name = nullptr);
    ARMNN_DEPRECATED_MSG("Use AddElementwiseBinaryLayer instead")
    IConnectableLayer* AddSubtractionLayer(const char* name = nullptr);
    ARMNN_DEPRECATED_MSG("Use AddElementwiseBinaryLayer instead")
    IConnectableLayer* AddMaximumLayer(const char* name = nullptr);
    ARMNN_DEPRECATED_MSG("Use AddElementwiseBinaryLayer instead")
    IConnectableLayer* AddMinimumLayer(const char* name = nullptr);

    ~INetwork();

protected:
    INetwork(NetworkOptions networkOptions = {});

    friend class NetworkQuantizer;
    friend class TestConnectionPreservation;
    friend TensorInfo GetInputTensorInfo(const INetwork* network);
    friend IOptimizedNetworkPtr Optimize(const INetwork& network, const std::vector<BackendId>& backendPreferences,
                                         const IDeviceSpec& deviceSpec, const OptimizerOptionsOpaque& options,
                                         Optional<std::vector<std::string>&> messages);

    std::unique_ptr<NetworkImpl> pNetworkImpl;

public:
    /// For the library's own parts (serializer, optimizer): the implementation behind the interface.
    NetworkImpl& GetImpl() { return *pNetworkImpl; }
    const NetworkImpl& GetImpl() const { return *pNetworkImpl; }
};

/// A network whose layers are assigned to backends; the input of IRuntime::LoadNetwork.
class IOptimizedNetwork
{
public:
    static void Destroy(IOptimizedNetwork* network);

    Status PrintGraph();
    /// Graphviz text of the graph, each layer labelled with its type, name and backend.
    Status SerializeToDot(std::ostream& stream) const;

    LayerGuid GetGuid() const;
    size_t GetNumInputs() const;
    size_t GetNumOutputs() const;

    IOptimizedNetwork(std::unique_ptr<OptimizedNetworkImpl> impl);
    ~IOptimizedNetwork();

    OptimizedNetworkImpl& GetImpl() { return *pOptimizedNetworkImpl; }
    const OptimizedNetworkImpl& GetImpl() const { return *pOptimizedNetworkImpl; }

protected:
    std::unique_ptr<OptimizedNetworkImpl> pOptimizedNetworkImpl;
};

/// Assigns every layer of network to the first backend in backendPreferences that supports it, lets backends
/// claim subgraphs, and inserts copies where backends meet.
/// Errors and warnings are appended to messages (prefixed "ERROR: " / "WARNING: ").
/// @throws InvalidArgumentException when a layer is supported by no preferred backend (the message names the
///         layer and each backend's reason) or when no preferred backend is available.
IOptimizedNetworkPtr Optimize(const INetwork& network, const std::vector<BackendId>& backendPreferences,
                              const IDeviceSpec& deviceSpec,
                              const OptimizerOptionsOpaque& options = OptimizerOptionsOpaque(),
                              Optional<std::vector<std::string>&> messages = EmptyOptional());

/// The deprecated OptimizerOptions form.
IOptimizedNetworkPtr Optimize(const INetwork& network, const std::vector<BackendId>& backendPreferences,
                              const IDeviceSpec& deviceSpec, const OptimizerOptions& options,
                              Optional<std::vector<std::string>&> messages = EmptyOptional());

} // namespace armnn
