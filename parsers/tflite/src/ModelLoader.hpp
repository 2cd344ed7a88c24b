//
// LoadedModel: a verified and validated .tflite file, and the translation of its tensors and operators into
// OperatorViews. Constructing one is the only way to get at a model, so nothing reads an unchecked file.
//
#pragma once

#include "OperatorView.hpp"

#include "tflite_generated.h"

#include <armnn/Tensor.hpp>

#include <cstdint>
#include <string>
#include <map>
#include <optional>
#include <vector>

namespace armnnTfLiteParser
{

/// Where a problem is, for messages: "TfLite parser: subgraph 0, operator 3 (CONV_2D), tensor 7 'w': ".
struct Location
{
    Location(size_t s = 0, int64_t o = -1, std::string on = {}, int64_t t = -1, std::string tn = {})
        : subgraph(s), op(o), opName(std::move(on)), tensor(t), tensorName(std::move(tn))
    {}

    size_t subgraph;
    int64_t op;
    std::string opName;
    int64_t tensor;
    std::string tensorName;

    std::string Prefix() const;
    Location WithTensor(int64_t t, const std::string& name) const
    {
        Location l = *this;
        l.tensor = t;
        l.tensorName = name;
        return l;
    }
};

class LoadedModel
{
public:
    /// Takes `bytes` (moved in where the caller has no further use: a file read for the parser), verifies and
    /// validates them.
    /// @throws armnn::ParseException naming what is wrong.
    explicit LoadedModel(std::vector<uint8_t> bytes);

    const tflite_format::Model* Model() const { return m_Model; }

    std::string TensorName(size_t subgraph, int32_t tensor) const;
    /// TensorInfo of a tensor (IsConstant() when it has data).
    /// @throws armnn::ParseException for types and ranks the library does not support.
    armnn::TensorInfo GetTensorInfo(const Location& where, int32_t tensor) const;
    ops::TensorView MakeTensorView(size_t subgraph, int32_t tensor) const;
    /// The shape the model gives a tensor whose shape was not known when it was converted (shape_signature with -1
    /// dimensions: those are unspecified; no shape and no has_rank: unknown rank), or nullopt when the tensor's
    /// shape is static.
    std::optional<armnn::TensorShape> DynamicShape(size_t subgraph, int32_t tensor) const;
    ops::OperatorView MakeView(size_t subgraph, uint32_t op) const;

    /// Builtin code of an operator code: the larger of deprecated_builtin_code and builtin_code.
    static int32_t BuiltinCode(const tflite_format::OperatorCode* code);

private:
    void Verify();
    void Validate();
    void ValidateSubgraph(size_t s);
    void ValidateTensor(const Location& where, const tflite_format::Tensor* t);
    /// Constant data of a tensor (nullptr when none); sizes are validated. Sparse tensors: the dense copy.
    const uint8_t* TensorData(const tflite_format::Tensor* t, size_t* size) const;
    /// The bytes of a tensor's buffer as stored (sparse tensors: the non-zero values only).
    const uint8_t* BufferData(const tflite_format::Tensor* t, size_t* size) const;
    /// Validates a sparse constant tensor's metadata and stores its dense copy in m_Dense.
    void Densify(const Location& where, const tflite_format::Tensor* t, uint64_t elements, size_t elementSize);
    std::string OperatorName(uint32_t opcodeIndex) const;

    std::vector<uint8_t> m_Bytes;
    const tflite_format::Model* m_Model = nullptr;
    std::map<const tflite_format::Tensor*, std::vector<uint8_t>> m_Dense;
};

} // namespace armnnTfLiteParser
