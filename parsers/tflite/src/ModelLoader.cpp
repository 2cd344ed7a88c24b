//
// Verification and semantic validation of untrusted .tflite files. Every check here runs in release builds.
//
#include "ModelLoader.hpp"

#include <armnn/Exceptions.hpp>
#include <armnn/TypesUtils.hpp>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <utility>

namespace armnnTfLiteParser
{

using namespace armnn;
namespace tfl = tflite_format;

namespace
{

// Limits for the FlatBuffers verifier: real models nest about 6 tables deep; the table count bounds the work
// a hostile file can cause.
constexpr flatbuffers::uoffset_t kMaxDepth = 64;
constexpr flatbuffers::uoffset_t kMaxTables = 10'000'000;

[[noreturn]] void Throw(const Location& where, const std::string& what)
{
    throw ParseException(where.Prefix() + what);
}

/// Zero point i. The verifier checks the alignment of a vector's length, not of its 8-byte elements, so a file can
/// place the int64 elements at an address that is not a multiple of 8 (found by the fuzzer): read them bytewise.
int64_t ZeroPoint(const tfl::QuantizationParameters* q, uint32_t i)
{
    int64_t value = 0;
    std::memcpy(&value, q->zero_point()->Data() + size_t{i} * sizeof(int64_t), sizeof(value));
    return flatbuffers::EndianScalar(value);
}

/// Bytes per element of the types we can size; 0 for types without a fixed size (STRING, RESOURCE, ...).
size_t ElementSize(tfl::TensorType type)
{
    switch (type)
    {
        case tfl::TensorType_FLOAT32: return 4;
        case tfl::TensorType_FLOAT16: return 2;
        case tfl::TensorType_INT32: return 4;
        case tfl::TensorType_UINT8: return 1;
        case tfl::TensorType_INT64: return 8;
        case tfl::TensorType_BOOL: return 1;
        case tfl::TensorType_INT16: return 2;
        case tfl::TensorType_COMPLEX64: return 8;
        case tfl::TensorType_INT8: return 1;
        case tfl::TensorType_FLOAT64: return 8;
        case tfl::TensorType_COMPLEX128: return 16;
        case tfl::TensorType_UINT64: return 8;
        case tfl::TensorType_UINT32: return 4;
        case tfl::TensorType_UINT16: return 2;
        default: return 0;
    }
}

bool IsQuantizedType(tfl::TensorType type)
{
    return type == tfl::TensorType_UINT8 || type == tfl::TensorType_INT8 || type == tfl::TensorType_INT16;
}

std::string Printable(const uint8_t* p, size_t n)
{
    std::string s;
    for (size_t i = 0; i < n; ++i)
    {
        s += (p[i] >= 0x20 && p[i] < 0x7f) ? static_cast<char>(p[i]) : '?';
    }
    return s;
}

} // namespace

std::string Location::Prefix() const
{
    std::string s = "TfLite parser: subgraph " + std::to_string(subgraph);
    if (op >= 0)
    {
        s += ", operator " + std::to_string(op) + " (" + opName + ")";
    }
    if (tensor >= 0)
    {
        s += ", tensor " + std::to_string(tensor) + " '" + tensorName + "'";
    }
    return s + ": ";
}

LoadedModel::LoadedModel(std::vector<uint8_t> bytes) : m_Bytes(std::move(bytes))
{
    Verify();
    Validate();
}

void LoadedModel::Verify()
{
    const size_t size = m_Bytes.size();
    if (size < 8)
    {
        throw ParseException("TfLite parser: the file is truncated: " + std::to_string(size) +
                             " bytes is too short for a TensorFlow Lite model");
    }
    if (size >= FLATBUFFERS_MAX_BUFFER_SIZE)
    {
        throw ParseException("TfLite parser: the file is too large for a FlatBuffer (" + std::to_string(size) +
                             " bytes)");
    }
    if (!tfl::ModelBufferHasIdentifier(m_Bytes.data()))
    {
        throw ParseException("TfLite parser: wrong file identifier '" + Printable(m_Bytes.data() + 4, 4) +
                             "' (expected 'TFL3'): not a TensorFlow Lite model");
    }
    uint32_t root;
    std::memcpy(&root, m_Bytes.data(), 4);
    if (root >= size)
    {
        throw ParseException("TfLite parser: root table offset " + std::to_string(root) +
                             " is past the end of the file (" + std::to_string(size) + " bytes)");
    }
    flatbuffers::Verifier verifier(m_Bytes.data(), size, kMaxDepth, kMaxTables);
    if (!tfl::VerifyModelBuffer(verifier))
    {
        throw ParseException("TfLite parser: FlatBuffers verification failed: the file is truncated or corrupt "
                             "(an offset, vector or string lies outside the file, or nesting/table limits hit)");
    }
    m_Model = tfl::GetModel(m_Bytes.data());
}

int32_t LoadedModel::BuiltinCode(const tfl::OperatorCode* code)
{
    return std::max<int32_t>(code->deprecated_builtin_code(), static_cast<int32_t>(code->builtin_code()));
}

std::string LoadedModel::OperatorName(uint32_t opcodeIndex) const
{
    const auto* codes = m_Model->operator_codes();
    if (!codes || opcodeIndex >= codes->size())
    {
        return "?";
    }
    const tfl::OperatorCode* code = codes->Get(opcodeIndex);
    const int32_t builtin = BuiltinCode(code);
    if (builtin == tfl::BuiltinOperator_CUSTOM)
    {
        return code->custom_code() ? code->custom_code()->str() : std::string("CUSTOM");
    }
    const char* name = (builtin >= tfl::BuiltinOperator_MIN && builtin <= tfl::BuiltinOperator_MAX)
                           ? tfl::EnumNameBuiltinOperator(static_cast<tfl::BuiltinOperator>(builtin))
                           : "";
    return (name && *name) ? std::string(name) : "builtin " + std::to_string(builtin);
}

void LoadedModel::Validate()
{
    const Location model{};
    if (m_Model->version() > 3)
    {
        throw ParseException("TfLite parser: schema version " + std::to_string(m_Model->version()) +
                             " is newer than the supported version 3");
    }
    if (!m_Model->subgraphs() || m_Model->subgraphs()->size() == 0)
    {
        throw ParseException("TfLite parser: the model has no subgraphs");
    }
    if (m_Model->operator_codes())
    {
        for (uint32_t i = 0; i < m_Model->operator_codes()->size(); ++i)
        {
            const int32_t code = BuiltinCode(m_Model->operator_codes()->Get(i));
            if (code < 0)
            {
                throw ParseException("TfLite parser: operator code " + std::to_string(i) +
                                     " has a negative builtin code " + std::to_string(code));
            }
        }
    }
    const auto* buffers = m_Model->buffers();
    if (buffers)
    {
        for (uint32_t b = 0; b < buffers->size(); ++b)
        {
            const tfl::Buffer* buffer = buffers->Get(b);
            if (buffer->offset() != 0 || buffer->size() != 0)
            {
                // Data stored after the flatbuffer: it must lie inside the file.
                const uint64_t end = buffer->offset() + buffer->size();
                if (buffer->offset() <= 1 || end < buffer->offset() || end > m_Bytes.size())
                {
                    throw ParseException("TfLite parser: buffer " + std::to_string(b) + " (offset " +
                                         std::to_string(buffer->offset()) + ", size " +
                                         std::to_string(buffer->size()) + ") lies outside the file (" +
                                         std::to_string(m_Bytes.size()) + " bytes)");
                }
            }
        }
    }
    for (size_t s = 0; s < m_Model->subgraphs()->size(); ++s)
    {
        ValidateSubgraph(s);
    }
}

const uint8_t* LoadedModel::TensorData(const tfl::Tensor* t, size_t* size) const
{
    auto dense = m_Dense.find(t);
    if (dense != m_Dense.end())
    {
        *size = dense->second.size();
        return dense->second.data();
    }
    return BufferData(t, size);
}

namespace
{

std::vector<int64_t> IndexVector(const Location& where, const void* table, tfl::SparseIndexVector type,
                                 const char* what)
{
    std::vector<int64_t> v;
    if (table == nullptr || type == tfl::SparseIndexVector_NONE)
    {
        return v;
    }
    switch (type)
    {
        case tfl::SparseIndexVector_Int32Vector: {
            const auto* values = static_cast<const tfl::Int32Vector*>(table)->values();
            if (values)
            {
                v.assign(values->begin(), values->end());
            }
            break;
        }
        case tfl::SparseIndexVector_Uint16Vector: {
            const auto* values = static_cast<const tfl::Uint16Vector*>(table)->values();
            if (values)
            {
                v.assign(values->begin(), values->end());
            }
            break;
        }
        case tfl::SparseIndexVector_Uint8Vector: {
            const auto* values = static_cast<const tfl::Uint8Vector*>(table)->values();
            if (values)
            {
                v.assign(values->begin(), values->end());
            }
            break;
        }
        default: throw ParseException(where.Prefix() + "sparsity: unknown " + what + " vector type");
    }
    return v;
}

} // namespace

void LoadedModel::Densify(const Location& where, const tfl::Tensor* t, uint64_t elements, size_t elementSize)
{
    // TensorFlow Lite's sparse format: the dimensions are visited in traversal_order (the tensor's dimensions
    // first, then block dimensions, block_map[k] naming the dimension block k divides); each level is DENSE
    // (dense_size indices) or SPARSE_CSR (array_segments/array_indices, segments indexed by the parent's position).
    // Values come in visiting order. Every index is checked: the file is untrusted.
    constexpr uint64_t kMaxDenseBytes = 256u << 20;
    const tfl::SparsityParameters* sp = t->sparsity();
    const uint32_t rank = t->shape() ? t->shape()->size() : 0;
    if (elementSize == 0 || elements * elementSize > kMaxDenseBytes)
    {
        Throw(where, "sparsity: only constant tensors of fixed-size types up to 256 MiB dense are supported");
    }
    size_t rawSize = 0;
    const uint8_t* raw = BufferData(t, &rawSize);
    if (raw == nullptr)
    {
        Throw(where, "sparsity: a sparse tensor must be constant");
    }
    if (rawSize % elementSize != 0)
    {
        Throw(where, "sparsity: the buffer size is not a multiple of the element size");
    }
    const size_t numValues = rawSize / elementSize;
    const auto* order = sp->traversal_order();
    const auto* metadata = sp->dim_metadata();
    const uint32_t levels = order ? order->size() : 0;
    const uint32_t numBlocks = sp->block_map() ? sp->block_map()->size() : 0;
    if (levels != rank + numBlocks || !metadata || metadata->size() != levels || rank == 0)
    {
        Throw(where, "sparsity: traversal_order and dim_metadata need one entry per dimension and block dimension");
    }
    std::vector<int64_t> shape(rank);
    for (uint32_t d = 0; d < rank; ++d)
    {
        shape[d] = t->shape()->Get(d);
    }
    std::vector<int64_t> blockSize(numBlocks);
    std::vector<int32_t> blockDim(numBlocks);
    std::vector<int64_t> levelSize(levels);  // size of the visited (expanded) dimension at each level
    std::vector<bool> seen(levels, false);
    std::vector<int64_t> expanded(shape);    // tensor dimensions after blocking
    for (uint32_t k = 0; k < numBlocks; ++k)
    {
        blockDim[k] = sp->block_map()->Get(k);
        if (blockDim[k] < 0 || static_cast<uint32_t>(blockDim[k]) >= rank)
        {
            Throw(where, "sparsity: block_map entry out of range");
        }
    }
    for (uint32_t l = 0; l < levels; ++l)
    {
        const int32_t dim = order->Get(l);
        if (dim < 0 || static_cast<uint32_t>(dim) >= levels || seen[static_cast<size_t>(dim)] ||
            (l < rank) != (static_cast<uint32_t>(dim) < rank))
        {
            Throw(where, "sparsity: traversal_order must be a permutation listing the tensor's dimensions first");
        }
        seen[static_cast<size_t>(dim)] = true;
    }
    for (uint32_t k = 0; k < numBlocks; ++k)
    {
        // The block size is the dense_size of the block dimension's level.
        for (uint32_t l = rank; l < levels; ++l)
        {
            if (static_cast<uint32_t>(order->Get(l)) == rank + k)
            {
                blockSize[k] = metadata->Get(l)->dense_size();
            }
        }
        const size_t d = static_cast<size_t>(blockDim[k]);
        if (blockSize[k] <= 0 || expanded[d] % blockSize[k] != 0)
        {
            Throw(where, "sparsity: block size must be positive and divide its dimension");
        }
        expanded[d] /= blockSize[k];
    }
    for (uint32_t l = 0; l < levels; ++l)
    {
        const uint32_t dim = static_cast<uint32_t>(order->Get(l));
        levelSize[l] = dim < rank ? expanded[dim] : blockSize[dim - rank];
    }
    struct Level
    {
        bool dense;
        std::vector<int64_t> segments, indices;
    };
    std::vector<Level> lv(levels);
    for (uint32_t l = 0; l < levels; ++l)
    {
        const tfl::DimensionMetadata* m = metadata->Get(l);
        lv[l].dense = m->format() == tfl::DimensionType_DENSE;
        if (lv[l].dense)
        {
            if (m->dense_size() != levelSize[l])
            {
                Throw(where, "sparsity: dense_size of level " + std::to_string(l) + " does not match the shape");
            }
            continue;
        }
        if (m->format() != tfl::DimensionType_SPARSE_CSR)
        {
            Throw(where, "sparsity: unknown dimension format");
        }
        lv[l].segments = IndexVector(where, m->array_segments(), m->array_segments_type(), "array_segments");
        lv[l].indices = IndexVector(where, m->array_indices(), m->array_indices_type(), "array_indices");
        for (size_t i = 0; i < lv[l].segments.size(); ++i)
        {
            const int64_t s = lv[l].segments[i];
            if (s < 0 || static_cast<uint64_t>(s) > lv[l].indices.size() || (i > 0 && s < lv[l].segments[i - 1]))
            {
                Throw(where, "sparsity: array_segments must be non-decreasing offsets into array_indices");
            }
        }
        for (int64_t index : lv[l].indices)
        {
            if (index < 0 || index >= levelSize[l])
            {
                Throw(where, "sparsity: array_indices entry out of range");
            }
        }
    }

    std::vector<uint8_t> dense(static_cast<size_t>(elements * elementSize), 0);
    std::vector<int64_t> idx(levels, 0);
    size_t next = 0;
    // Iterative depth-first visit: positions[l] is the current entry of level l (dense: 0..size-1; sparse: an
    // index into array_indices), ends[l] its end, parent[l] the flattened position of the parent level.
    std::vector<int64_t> pos(levels + 1, 0), end(levels + 1, 0);
    auto enter = [&](uint32_t l, int64_t parent) {
        if (lv[l].dense)
        {
            pos[l] = parent * levelSize[l];
            end[l] = pos[l] + levelSize[l];
        }
        else if (parent >= 0 && static_cast<uint64_t>(parent) + 1 < lv[l].segments.size())
        {
            pos[l] = lv[l].segments[static_cast<size_t>(parent)];
            end[l] = lv[l].segments[static_cast<size_t>(parent) + 1];
        }
        else
        {
            pos[l] = end[l] = 0; // no segment for this parent: nothing below it
        }
    };
    uint32_t level = 0;
    enter(0, 0);
    // A valid encoding visits each prefix of coordinates once at most; repeated sparse indices could make the
    // visit unbounded, so the number of steps is capped.
    const uint64_t maxSteps = (uint64_t{levels} + 1) * (elements + 1);
    uint64_t steps = 0;
    while (true)
    {
        if (++steps > maxSteps)
        {
            Throw(where, "sparsity: the metadata visits more positions than the tensor has");
        }
        if (pos[level] >= end[level])
        {
            if (level == 0)
            {
                break;
            }
            --level;
            ++pos[level];
            continue;
        }
        idx[level] = lv[level].dense ? pos[level] % levelSize[level]
                                     : lv[level].indices[static_cast<size_t>(pos[level])];
        if (level + 1 < levels)
        {
            ++level;
            enter(level, pos[level - 1]);
            continue;
        }
        // A leaf: the dense coordinates, then the flattened offset.
        std::vector<int64_t> coord(rank, 0);
        for (uint32_t l = 0; l < rank; ++l)
        {
            coord[static_cast<size_t>(order->Get(l))] = idx[l];
        }
        for (uint32_t l = rank; l < levels; ++l)
        {
            const uint32_t k = static_cast<uint32_t>(order->Get(l)) - rank;
            coord[static_cast<size_t>(blockDim[k])] = coord[static_cast<size_t>(blockDim[k])] * blockSize[k] + idx[l];
        }
        uint64_t offset = 0;
        for (uint32_t d = 0; d < rank; ++d)
        {
            offset = offset * static_cast<uint64_t>(shape[d]) + static_cast<uint64_t>(coord[d]);
        }
        if (next >= numValues)
        {
            Throw(where, "sparsity: the metadata visits more elements than the buffer holds");
        }
        std::memcpy(dense.data() + offset * elementSize, raw + next * elementSize, elementSize);
        ++next;
        ++pos[level];
    }
    if (next != numValues)
    {
        Throw(where, "sparsity: the buffer holds " + std::to_string(numValues) + " values but the metadata visits " +
                         std::to_string(next));
    }
    m_Dense[t] = std::move(dense);
}

const uint8_t* LoadedModel::BufferData(const tfl::Tensor* t, size_t* size) const
{
    *size = 0;
    const auto* buffers = m_Model->buffers();
    if (!buffers || t->buffer() >= buffers->size())
    {
        return nullptr;
    }
    const tfl::Buffer* buffer = buffers->Get(t->buffer());
    if (buffer->data() && buffer->data()->size() > 0)
    {
        *size = buffer->data()->size();
        return buffer->data()->data();
    }
    if (buffer->offset() > 1 && buffer->size() > 0)
    {
        *size = static_cast<size_t>(buffer->size());
        return m_Bytes.data() + buffer->offset();
    }
    return nullptr;
}

void LoadedModel::ValidateTensor(const Location& where, const tfl::Tensor* t)
{
    const auto* buffers = m_Model->buffers();
    const uint32_t numBuffers = buffers ? buffers->size() : 0;
    if (t->buffer() >= numBuffers && !(t->buffer() == 0 && numBuffers == 0))
    {
        Throw(where, "buffer index " + std::to_string(t->buffer()) + " is out of range (the model has " +
                         std::to_string(numBuffers) + " buffers)");
    }
    if (t->type() < tfl::TensorType_MIN || t->type() > tfl::TensorType_MAX)
    {
        Throw(where, "unknown tensor type " + std::to_string(static_cast<int>(t->type())));
    }
    // Element count and byte size, without overflow.
    uint64_t elements = 1;
    const uint32_t rank = t->shape() ? t->shape()->size() : 0;
    for (uint32_t d = 0; d < rank; ++d)
    {
        const int32_t dim = t->shape()->Get(d);
        if (dim < 0)
        {
            Throw(where, "dimension " + std::to_string(d) + " is negative (" + std::to_string(dim) + ")");
        }
        if (__builtin_mul_overflow(elements, static_cast<uint64_t>(dim), &elements) ||
            elements > std::numeric_limits<uint32_t>::max())
        {
            Throw(where, "the product of the dimensions overflows (more than 2^32 elements)");
        }
    }
    const size_t elementSize = ElementSize(t->type());
    uint64_t bytes = 0;
    if (__builtin_mul_overflow(elements, static_cast<uint64_t>(elementSize), &bytes))
    {
        Throw(where, "the byte size overflows");
    }
    if (t->sparsity() && m_Dense.count(t) == 0)
    {
        Densify(where, t, elements, elementSize);
    }
    size_t dataSize = 0;
    const uint8_t* data = TensorData(t, &dataSize);
    if (data != nullptr)
    {
        if (elementSize == 0)
        {
            Throw(where, std::string("constant data of type ") + tfl::EnumNameTensorType(t->type()) +
                             " is not supported");
        }
        if (dataSize != bytes)
        {
            Throw(where, "buffer " + std::to_string(t->buffer()) + " holds " + std::to_string(dataSize) +
                             " bytes but the shape and type need " + std::to_string(bytes) + " bytes");
        }
    }

    const tfl::QuantizationParameters* q = t->quantization();
    if (!q)
    {
        return;
    }
    if (q->details_type() != tfl::QuantizationDetails_NONE)
    {
        Throw(where, "custom quantization details are not supported");
    }
    const uint32_t numScales = q->scale() ? q->scale()->size() : 0;
    const uint32_t numZeroPoints = q->zero_point() ? q->zero_point()->size() : 0;
    if (numScales == 0)
    {
        if (numZeroPoints != 0)
        {
            Throw(where, "quantization has zero points but no scales");
        }
        return;
    }
    if (numZeroPoints != numScales)
    {
        Throw(where, "quantization has " + std::to_string(numScales) + " scales but " +
                         std::to_string(numZeroPoints) + " zero points");
    }
    for (uint32_t i = 0; i < numScales; ++i)
    {
        const float scale = q->scale()->Get(i);
        if (!std::isfinite(scale) || scale <= 0.0f)
        {
            Throw(where, "quantization scale " + std::to_string(i) + " is " + std::to_string(scale) +
                             " (scales must be finite and positive)");
        }
    }
    int64_t lo = std::numeric_limits<int32_t>::min(), hi = std::numeric_limits<int32_t>::max();
    switch (t->type())
    {
        case tfl::TensorType_UINT8: lo = 0; hi = 255; break;
        case tfl::TensorType_INT8: lo = -128; hi = 127; break;
        case tfl::TensorType_INT16: lo = 0; hi = 0; break; // int16 quantization is symmetric
        case tfl::TensorType_INT32:
        case tfl::TensorType_INT64: lo = 0; hi = 0; break; // quantized biases are symmetric
        default: break;
    }
    for (uint32_t i = 0; i < numZeroPoints; ++i)
    {
        const int64_t zp = ZeroPoint(q, i);
        if (zp < lo || zp > hi)
        {
            Throw(where, "zero point " + std::to_string(i) + " = " + std::to_string(zp) + " is outside [" +
                             std::to_string(lo) + ", " + std::to_string(hi) + "] for type " +
                             tfl::EnumNameTensorType(t->type()));
        }
    }
    if (numScales > 1)
    {
        const int32_t dim = q->quantized_dimension();
        if (dim < 0 || static_cast<uint32_t>(dim) >= rank)
        {
            Throw(where, "quantized_dimension " + std::to_string(dim) + " is out of range for rank " +
                             std::to_string(rank));
        }
        if (static_cast<uint32_t>(t->shape()->Get(static_cast<uint32_t>(dim))) != numScales)
        {
            Throw(where, "per-axis quantization has " + std::to_string(numScales) + " scales but dimension " +
                             std::to_string(dim) + " has size " +
                             std::to_string(t->shape()->Get(static_cast<uint32_t>(dim))) +
                             " (one scale per channel is required)");
        }
        if (t->type() == tfl::TensorType_INT8)
        {
            for (uint32_t i = 0; i < numZeroPoints; ++i)
            {
                if (ZeroPoint(q, i) != 0)
                {
                    Throw(where, "per-channel int8 quantization must have zero points of 0");
                }
            }
        }
    }
}

void LoadedModel::ValidateSubgraph(size_t s)
{
    const tfl::SubGraph* sg = m_Model->subgraphs()->Get(static_cast<flatbuffers::uoffset_t>(s));
    const Location where{s};
    const uint32_t numTensors = sg->tensors() ? sg->tensors()->size() : 0;
    auto name = [&](int32_t t) { return TensorName(s, t); };

    for (uint32_t t = 0; t < numTensors; ++t)
    {
        ValidateTensor(where.WithTensor(t, name(static_cast<int32_t>(t))), sg->tensors()->Get(t));
    }
    if (!sg->inputs() || !sg->outputs())
    {
        Throw(where, "the subgraph has no input or output list");
    }
    std::vector<int64_t> producer(numTensors, -2); // -2: none, -1: subgraph input, >= 0: operator index
    for (int32_t t : *sg->inputs())
    {
        if (t < 0 || static_cast<uint32_t>(t) >= numTensors)
        {
            Throw(where, "subgraph input tensor index " + std::to_string(t) + " is out of range (" +
                             std::to_string(numTensors) + " tensors)");
        }
        producer[static_cast<size_t>(t)] = -1;
    }
    for (int32_t t : *sg->outputs())
    {
        if (t < 0 || static_cast<uint32_t>(t) >= numTensors)
        {
            Throw(where, "subgraph output tensor index " + std::to_string(t) + " is out of range (" +
                             std::to_string(numTensors) + " tensors)");
        }
    }
    auto isConstant = [&](int32_t t) {
        size_t size;
        return TensorData(sg->tensors()->Get(static_cast<uint32_t>(t)), &size) != nullptr;
    };

    const uint32_t numOps = sg->operators() ? sg->operators()->size() : 0;
    const uint32_t numCodes = m_Model->operator_codes() ? m_Model->operator_codes()->size() : 0;
    // First pass: indices, arities and producers.
    for (uint32_t o = 0; o < numOps; ++o)
    {
        const tfl::Operator* op = sg->operators()->Get(o);
        Location at{s, o, "?"};
        if (op->opcode_index() >= numCodes)
        {
            Throw(at, "operator code index " + std::to_string(op->opcode_index()) + " is out of range (" +
                          std::to_string(numCodes) + " operator codes)");
        }
        at.opName = OperatorName(op->opcode_index());
        if (!op->inputs() || !op->outputs())
        {
            Throw(at, "the operator has no input or output list");
        }
        for (int32_t t : *op->inputs())
        {
            if (t < -1 || t >= static_cast<int64_t>(numTensors))
            {
                Throw(at, "input tensor index " + std::to_string(t) + " is out of range (" +
                              std::to_string(numTensors) + " tensors)");
            }
        }
        for (int32_t t : *op->outputs())
        {
            if (t < 0 || t >= static_cast<int64_t>(numTensors))
            {
                Throw(at, "output tensor index " + std::to_string(t) + " is out of range (" +
                              std::to_string(numTensors) + " tensors)");
            }
            const Location tat = at.WithTensor(t, name(t));
            for (int32_t in : *op->inputs())
            {
                if (in == t)
                {
                    Throw(tat, "the tensor is both an input and an output of the operator (its own producer)");
                }
            }
            int64_t& p = producer[static_cast<size_t>(t)];
            if (p == -1)
            {
                Throw(tat, "a subgraph input is written by an operator");
            }
            if (p >= 0)
            {
                Throw(tat, "the tensor is written by operators " + std::to_string(p) + " and " + std::to_string(o));
            }
            if (isConstant(t))
            {
                Throw(tat, "a constant tensor is written by an operator");
            }
            p = o;
        }
        const ops::OperatorEntry* entry =
            ops::FindOperator(BuiltinCode(m_Model->operator_codes()->Get(op->opcode_index())), at.opName);
        if (entry)
        {
            const uint32_t nIn = op->inputs()->size(), nOut = op->outputs()->size();
            if (nIn < entry->minInputs || (entry->maxInputs != ops::kAny && nIn > entry->maxInputs))
            {
                Throw(at, "has " + std::to_string(nIn) + " inputs, expected " + std::to_string(entry->minInputs) +
                              (entry->maxInputs == entry->minInputs
                                   ? std::string()
                                   : " to " + (entry->maxInputs == ops::kAny ? std::string("any")
                                                                              : std::to_string(entry->maxInputs))));
            }
            if (nOut < entry->minOutputs || (entry->maxOutputs != ops::kAny && nOut > entry->maxOutputs))
            {
                Throw(at, "has " + std::to_string(nOut) + " outputs, expected " +
                              std::to_string(entry->minOutputs) +
                              (entry->maxOutputs == entry->minOutputs
                                   ? std::string()
                                   : " to " + (entry->maxOutputs == ops::kAny ? std::string("any")
                                                                               : std::to_string(entry->maxOutputs))));
            }
            for (uint32_t i = 0; i < nIn && i < entry->minInputs; ++i)
            {
                if (op->inputs()->Get(i) < 0 && entry->builtinCode != tfl::BuiltinOperator_CUSTOM)
                {
                    Throw(at, "required input " + std::to_string(i) + " is missing (-1)");
                }
            }
        }
    }
    // Second pass: every input is available when its operator runs (operators are in execution order, so a
    // tensor read before it is written means a cycle or a wrong order).
    for (uint32_t o = 0; o < numOps; ++o)
    {
        const tfl::Operator* op = sg->operators()->Get(o);
        const Location at{s, o, OperatorName(op->opcode_index())};
        for (int32_t t : *op->inputs())
        {
            if (t < 0)
            {
                continue;
            }
            const int64_t p = producer[static_cast<size_t>(t)];
            if (p == -1 || isConstant(t))
            {
                continue;
            }
            if (p == -2)
            {
                Throw(at.WithTensor(t, name(t)), "input tensor has no producer (not constant, not a subgraph input "
                                                  "and not written by any operator)");
            }
            if (p >= o)
            {
                Throw(at.WithTensor(t, name(t)), "input tensor is written by operator " + std::to_string(p) +
                                                      ", which runs later (a cycle or operators out of order)");
            }
        }
    }
    for (int32_t t : *sg->outputs())
    {
        if (producer[static_cast<size_t>(t)] == -2 && !isConstant(t))
        {
            Throw(where.WithTensor(t, name(t)), "subgraph output has no producer");
        }
    }
}

std::string LoadedModel::TensorName(size_t subgraph, int32_t tensor) const
{
    const tfl::SubGraph* sg = m_Model->subgraphs()->Get(static_cast<flatbuffers::uoffset_t>(subgraph));
    if (!sg->tensors() || tensor < 0 || static_cast<uint32_t>(tensor) >= sg->tensors()->size())
    {
        return "?";
    }
    const auto* n = sg->tensors()->Get(static_cast<uint32_t>(tensor))->name();
    return n ? n->str() : std::string();
}

TensorInfo LoadedModel::GetTensorInfo(const Location& at, int32_t tensor) const
{
    const tfl::SubGraph* sg = m_Model->subgraphs()->Get(static_cast<flatbuffers::uoffset_t>(at.subgraph));
    const tfl::Tensor* t = sg->tensors()->Get(static_cast<uint32_t>(tensor));
    const Location where = at.WithTensor(tensor, TensorName(at.subgraph, tensor));
    if (t->is_variable())
    {
        Throw(where, "variable tensors are not supported");
    }
    const uint32_t rank = t->shape() ? t->shape()->size() : 0;
    if (rank > MaxNumOfTensorDimensions)
    {
        Throw(where, "rank " + std::to_string(rank) + " exceeds the supported maximum of 5");
    }
    std::vector<unsigned int> dims;
    for (uint32_t d = 0; d < rank; ++d)
    {
        dims.push_back(static_cast<unsigned int>(t->shape()->Get(d)));
    }
    const TensorShape shape = rank == 0 ? TensorShape(Dimensionality::Scalar) : TensorShape(rank, dims.data());

    const tfl::QuantizationParameters* q = t->quantization();
    const uint32_t numScales = q && q->scale() ? q->scale()->size() : 0;
    std::vector<float> scales;
    for (uint32_t i = 0; i < numScales; ++i)
    {
        scales.push_back(q->scale()->Get(i));
    }
    const int32_t zeroPoint = numScales == 1 ? static_cast<int32_t>(ZeroPoint(q, 0)) : 0;

    DataType type;
    switch (t->type())
    {
        case tfl::TensorType_FLOAT32: type = DataType::Float32; break;
        case tfl::TensorType_FLOAT16: type = DataType::Float16; break;
        case tfl::TensorType_INT32: type = DataType::Signed32; break;
        case tfl::TensorType_INT64: type = DataType::Signed64; break;
        case tfl::TensorType_BOOL: type = DataType::Boolean; break;
        case tfl::TensorType_UINT8: type = DataType::QAsymmU8; break;
        case tfl::TensorType_INT8: type = numScales > 1 ? DataType::QSymmS8 : DataType::QAsymmS8; break;
        case tfl::TensorType_INT16: type = DataType::QSymmS16; break;
        default:
            Throw(where, std::string("tensor type ") + tfl::EnumNameTensorType(t->type()) + " is not supported");
    }
    TensorInfo info;
    const bool quantizable = IsQuantizedType(t->type()) || t->type() == tfl::TensorType_INT32;
    if (quantizable && numScales > 1)
    {
        info = TensorInfo(shape, type, scales, static_cast<unsigned int>(q->quantized_dimension()));
    }
    else if (quantizable && numScales == 1)
    {
        info = TensorInfo(shape, type, scales[0], zeroPoint);
    }
    else if (IsQuantizedType(t->type()))
    {
        info = TensorInfo(shape, type, 1.0f, 0); // quantized type without parameters: the identity mapping
    }
    else
    {
        info = TensorInfo(shape, type);
    }
    size_t size;
    info.SetConstant(TensorData(t, &size) != nullptr);
    return info;
}

std::optional<TensorShape> LoadedModel::DynamicShape(size_t subgraph, int32_t tensor) const
{
    const tfl::SubGraph* sg = m_Model->subgraphs()->Get(static_cast<flatbuffers::uoffset_t>(subgraph));
    const tfl::Tensor* t = sg->tensors()->Get(static_cast<uint32_t>(tensor));
    const auto* signature = t->shape_signature();
    if ((t->shape() == nullptr || t->shape()->size() == 0) && !t->has_rank() &&
        (signature == nullptr || signature->size() == 0))
    {
        return TensorShape(Dimensionality::NotSpecified);
    }
    if (signature == nullptr || std::find(signature->begin(), signature->end(), -1) == signature->end())
    {
        return std::nullopt;
    }
    if (signature->size() > MaxNumOfTensorDimensions)
    {
        return TensorShape(Dimensionality::NotSpecified);
    }
    std::vector<unsigned int> dims;
    bool known[MaxNumOfTensorDimensions] = {};
    for (uint32_t d = 0; d < signature->size(); ++d)
    {
        const int32_t dim = signature->Get(d);
        known[d] = dim >= 0;
        dims.push_back(dim >= 0 ? static_cast<unsigned int>(dim) : 0u);
    }
    return TensorShape(static_cast<unsigned int>(dims.size()), dims.data(), known);
}

ops::TensorView LoadedModel::MakeTensorView(size_t subgraph, int32_t tensor) const
{
    ops::TensorView v;
    if (tensor < 0)
    {
        return v;
    }
    const tfl::SubGraph* sg = m_Model->subgraphs()->Get(static_cast<flatbuffers::uoffset_t>(subgraph));
    v.present = true;
    v.index = tensor;
    v.name = TensorName(subgraph, tensor);
    v.info = GetTensorInfo(Location{subgraph}, tensor);
    size_t size;
    v.data = TensorData(sg->tensors()->Get(static_cast<uint32_t>(tensor)), &size);
    return v;
}

namespace
{

ops::Padding ToPadding(tfl::Padding p)
{
    switch (p)
    {
        case tfl::Padding_SAME: return ops::Padding::Same;
        case tfl::Padding_VALID: return ops::Padding::Valid;
    }
    throw ops::OperatorError("unknown padding " + std::to_string(static_cast<int>(p)));
}

ops::FusedActivation ToActivation(tfl::ActivationFunctionType a)
{
    switch (a)
    {
        case tfl::ActivationFunctionType_NONE: return ops::FusedActivation::None;
        case tfl::ActivationFunctionType_RELU: return ops::FusedActivation::Relu;
        case tfl::ActivationFunctionType_RELU_N1_TO_1: return ops::FusedActivation::ReluN1To1;
        case tfl::ActivationFunctionType_RELU6: return ops::FusedActivation::Relu6;
        case tfl::ActivationFunctionType_TANH: return ops::FusedActivation::Tanh;
        case tfl::ActivationFunctionType_SIGN_BIT: return ops::FusedActivation::SignBit;
    }
    throw ops::OperatorError("unknown fused activation " + std::to_string(static_cast<int>(a)));
}

DataType ToIndexType(tfl::TensorType t)
{
    return t == tfl::TensorType_INT64 ? DataType::Signed64 : DataType::Signed32;
}

std::vector<int32_t> ToVector(const flatbuffers::Vector<int32_t>* v)
{
    return v ? std::vector<int32_t>(v->begin(), v->end()) : std::vector<int32_t>();
}

/// Copies the builtin options the converters read into the plain struct.
void FillOptions(const tfl::Operator* op, ops::OperatorOptions& o)
{
    if (op->builtin_options() == nullptr)
    {
        // A union type without its table (the fuzzer found this: every builtin_options_as_X() is then null):
        // the defaults, as for an absent options table.
        return;
    }
    switch (op->builtin_options_type())
    {
        case tfl::BuiltinOptions_Conv2DOptions: {
            const auto* x = op->builtin_options_as_Conv2DOptions();
            o.padding = ToPadding(x->padding());
            o.strideW = x->stride_w();
            o.strideH = x->stride_h();
            o.dilationW = x->dilation_w_factor();
            o.dilationH = x->dilation_h_factor();
            o.activation = ToActivation(x->fused_activation_function());
            break;
        }
        case tfl::BuiltinOptions_Conv3DOptions: {
            const auto* x = op->builtin_options_as_Conv3DOptions();
            o.padding = ToPadding(x->padding());
            o.strideD = x->stride_d();
            o.strideW = x->stride_w();
            o.strideH = x->stride_h();
            o.dilationD = x->dilation_d_factor();
            o.dilationW = x->dilation_w_factor();
            o.dilationH = x->dilation_h_factor();
            o.activation = ToActivation(x->fused_activation_function());
            break;
        }
        case tfl::BuiltinOptions_DepthwiseConv2DOptions: {
            const auto* x = op->builtin_options_as_DepthwiseConv2DOptions();
            o.padding = ToPadding(x->padding());
            o.strideW = x->stride_w();
            o.strideH = x->stride_h();
            o.dilationW = x->dilation_w_factor();
            o.dilationH = x->dilation_h_factor();
            o.depthMultiplier = x->depth_multiplier();
            o.activation = ToActivation(x->fused_activation_function());
            break;
        }
        case tfl::BuiltinOptions_TransposeConvOptions: {
            const auto* x = op->builtin_options_as_TransposeConvOptions();
            o.padding = ToPadding(x->padding());
            o.strideW = x->stride_w();
            o.strideH = x->stride_h();
            o.activation = ToActivation(x->fused_activation_function());
            break;
        }
        case tfl::BuiltinOptions_Pool2DOptions: {
            const auto* x = op->builtin_options_as_Pool2DOptions();
            o.padding = ToPadding(x->padding());
            o.strideW = x->stride_w();
            o.strideH = x->stride_h();
            o.filterW = x->filter_width();
            o.filterH = x->filter_height();
            o.activation = ToActivation(x->fused_activation_function());
            break;
        }
        case tfl::BuiltinOptions_FullyConnectedOptions: {
            const auto* x = op->builtin_options_as_FullyConnectedOptions();
            if (x->weights_format() != tfl::FullyConnectedOptionsWeightsFormat_DEFAULT)
            {
                throw ops::OperatorError("shuffled weights formats are not supported");
            }
            o.activation = ToActivation(x->fused_activation_function());
            o.keepNumDims = x->keep_num_dims();
            break;
        }
        case tfl::BuiltinOptions_SoftmaxOptions: o.beta = op->builtin_options_as_SoftmaxOptions()->beta(); break;
        case tfl::BuiltinOptions_ConcatenationOptions: {
            const auto* x = op->builtin_options_as_ConcatenationOptions();
            o.axis = x->axis();
            o.activation = ToActivation(x->fused_activation_function());
            break;
        }
        case tfl::BuiltinOptions_AddOptions:
            o.activation = ToActivation(op->builtin_options_as_AddOptions()->fused_activation_function());
            break;
        case tfl::BuiltinOptions_SubOptions:
            o.activation = ToActivation(op->builtin_options_as_SubOptions()->fused_activation_function());
            break;
        case tfl::BuiltinOptions_MulOptions:
            o.activation = ToActivation(op->builtin_options_as_MulOptions()->fused_activation_function());
            break;
        case tfl::BuiltinOptions_DivOptions:
            o.activation = ToActivation(op->builtin_options_as_DivOptions()->fused_activation_function());
            break;
        case tfl::BuiltinOptions_L2NormOptions:
            o.activation = ToActivation(op->builtin_options_as_L2NormOptions()->fused_activation_function());
            break;
        case tfl::BuiltinOptions_LocalResponseNormalizationOptions: {
            const auto* x = op->builtin_options_as_LocalResponseNormalizationOptions();
            o.radius = x->radius();
            o.bias = x->bias();
            o.alpha = x->alpha();
            o.beta = x->beta();
            break;
        }
        case tfl::BuiltinOptions_ReshapeOptions: {
            const auto* x = op->builtin_options_as_ReshapeOptions();
            o.hasNewShape = x->new_shape() != nullptr;
            o.newShape = ToVector(x->new_shape());
            break;
        }
        case tfl::BuiltinOptions_SqueezeOptions:
            o.squeezeDims = ToVector(op->builtin_options_as_SqueezeOptions()->squeeze_dims());
            break;
        case tfl::BuiltinOptions_ReducerOptions:
            o.keepDims = op->builtin_options_as_ReducerOptions()->keep_dims();
            break;
        case tfl::BuiltinOptions_SplitOptions: o.numSplits = op->builtin_options_as_SplitOptions()->num_splits(); break;
        case tfl::BuiltinOptions_SplitVOptions:
            o.numSplits = op->builtin_options_as_SplitVOptions()->num_splits();
            break;
        case tfl::BuiltinOptions_StridedSliceOptions: {
            const auto* x = op->builtin_options_as_StridedSliceOptions();
            if (x->offset())
            {
                throw ops::OperatorError("STRIDED_SLICE with offset = true is not supported");
            }
            o.beginMask = x->begin_mask();
            o.endMask = x->end_mask();
            o.ellipsisMask = x->ellipsis_mask();
            o.newAxisMask = x->new_axis_mask();
            o.shrinkAxisMask = x->shrink_axis_mask();
            break;
        }
        case tfl::BuiltinOptions_SpaceToDepthOptions:
            o.blockSize = op->builtin_options_as_SpaceToDepthOptions()->block_size();
            break;
        case tfl::BuiltinOptions_DepthToSpaceOptions:
            o.blockSize = op->builtin_options_as_DepthToSpaceOptions()->block_size();
            break;
        case tfl::BuiltinOptions_ResizeBilinearOptions: {
            const auto* x = op->builtin_options_as_ResizeBilinearOptions();
            o.alignCorners = x->align_corners();
            o.halfPixelCenters = x->half_pixel_centers();
            break;
        }
        case tfl::BuiltinOptions_ResizeNearestNeighborOptions: {
            const auto* x = op->builtin_options_as_ResizeNearestNeighborOptions();
            o.alignCorners = x->align_corners();
            o.halfPixelCenters = x->half_pixel_centers();
            break;
        }
        case tfl::BuiltinOptions_GatherOptions: {
            const auto* x = op->builtin_options_as_GatherOptions();
            if (x->batch_dims() != 0)
            {
                throw ops::OperatorError("GATHER with batch_dims != 0 is not supported");
            }
            o.axis = x->axis();
            break;
        }
        case tfl::BuiltinOptions_ArgMaxOptions:
            o.outputType = ToIndexType(op->builtin_options_as_ArgMaxOptions()->output_type());
            break;
        case tfl::BuiltinOptions_ArgMinOptions:
            o.outputType = ToIndexType(op->builtin_options_as_ArgMinOptions()->output_type());
            break;
        case tfl::BuiltinOptions_ShapeOptions:
            o.outputType = ToIndexType(op->builtin_options_as_ShapeOptions()->out_type());
            break;
        case tfl::BuiltinOptions_PackOptions: {
            const auto* x = op->builtin_options_as_PackOptions();
            o.valuesCount = x->values_count();
            o.axis = x->axis();
            break;
        }
        case tfl::BuiltinOptions_UnpackOptions: {
            const auto* x = op->builtin_options_as_UnpackOptions();
            o.num = x->num();
            o.axis = x->axis();
            break;
        }
        case tfl::BuiltinOptions_LeakyReluOptions: o.alpha = op->builtin_options_as_LeakyReluOptions()->alpha(); break;
        case tfl::BuiltinOptions_MirrorPadOptions:
            o.mirrorMode = op->builtin_options_as_MirrorPadOptions()->mode() == tfl::MirrorPadMode_SYMMETRIC
                               ? ops::MirrorPadMode::Symmetric
                               : ops::MirrorPadMode::Reflect;
            break;
        case tfl::BuiltinOptions_BatchMatMulOptions: {
            const auto* x = op->builtin_options_as_BatchMatMulOptions();
            o.adjX = x->adj_x();
            o.adjY = x->adj_y();
            break;
        }
        case tfl::BuiltinOptions_GeluOptions: o.approximate = op->builtin_options_as_GeluOptions()->approximate(); break;
        default: break;
    }
}

} // namespace

ops::OperatorView LoadedModel::MakeView(size_t subgraph, uint32_t index) const
{
    const tfl::SubGraph* sg = m_Model->subgraphs()->Get(static_cast<flatbuffers::uoffset_t>(subgraph));
    const tfl::Operator* op = sg->operators()->Get(index);
    ops::OperatorView v;
    v.subgraphIndex = static_cast<uint32_t>(subgraph);
    v.operatorIndex = index;
    v.builtinCode = BuiltinCode(m_Model->operator_codes()->Get(op->opcode_index()));
    v.opName = OperatorName(op->opcode_index());
    const Location at{subgraph, index, v.opName};
    try
    {
        for (int32_t t : *op->inputs())
        {
            v.inputs.push_back(MakeTensorView(subgraph, t));
        }
        for (int32_t t : *op->outputs())
        {
            v.outputs.push_back(MakeTensorView(subgraph, t));
        }
        // SPLIT's SplitOptions defaults and SOFTMAX's beta when options are absent follow TensorFlow Lite.
        FillOptions(op, v.options);
        if (op->custom_options())
        {
            v.options.customOptions.assign(op->custom_options()->begin(), op->custom_options()->end());
        }
        else if (op->large_custom_options_size() > 0)
        {
            const uint64_t offset = op->large_custom_options_offset(), size = op->large_custom_options_size();
            if (offset + size < offset || offset + size > m_Bytes.size())
            {
                throw ops::OperatorError("large custom options lie outside the file");
            }
            v.options.customOptions.assign(m_Bytes.data() + offset, m_Bytes.data() + offset + size);
        }
    }
    catch (const ops::OperatorError& e)
    {
        throw ParseException(at.Prefix() + e.what());
    }
    catch (const ParseException& e)
    {
        // GetTensorInfo's message names the subgraph and tensor; add the operator.
        throw ParseException(std::string(e.what()) + " (" + at.Prefix().substr(0, at.Prefix().size() - 2) + ")");
    }
    return v;
}

} // namespace armnnTfLiteParser
