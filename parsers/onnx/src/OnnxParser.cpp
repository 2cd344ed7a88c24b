//
// armnnOnnxParser: model loading, validation of untrusted files, the graph walk and the per-node context.
// The operators themselves are in OnnxOperators.cpp.
//
#include "OnnxParserImpl.hpp"

#include <armnn/Logging.hpp>

#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/io/tokenizer.h>
#include <google/protobuf/text_format.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <limits>
#include <sstream>

namespace armnnOnnxParser
{
namespace
{

[[noreturn]] void ThrowParse(const std::string& message)
{
    throw armnn::ParseException("ONNX parser: " + message);
}

float HalfToFloat(uint16_t h)
{
    const uint32_t sign = (h & 0x8000u) << 16;
    uint32_t exp = (h >> 10) & 0x1Fu;
    uint32_t mant = h & 0x3FFu;
    uint32_t bits;
    if (exp == 0)
    {
        if (mant == 0)
        {
            bits = sign;
        }
        else
        {
            exp = 127 - 15 + 1;
            while ((mant & 0x400u) == 0)
            {
                mant <<= 1;
                --exp;
            }
            mant &= 0x3FFu;
            bits = sign | (exp << 23) | (mant << 13);
        }
    }
    else if (exp == 31)
    {
        bits = sign | 0x7F800000u | (mant << 13);
    }
    else
    {
        bits = sign | ((exp + 127 - 15) << 23) | (mant << 13);
    }
    float f;
    std::memcpy(&f, &bits, sizeof(f));
    return f;
}

uint16_t FloatToHalf(float f)
{
    uint32_t x;
    std::memcpy(&x, &f, sizeof(x));
    const uint16_t sign = static_cast<uint16_t>((x >> 16) & 0x8000u);
    const uint32_t absx = x & 0x7FFFFFFFu;
    if (absx >= 0x7F800000u)
    {
        return static_cast<uint16_t>(sign | 0x7C00u | (absx > 0x7F800000u ? 0x200u : 0u));
    }
    if (absx >= 0x477FF000u) // rounds to >= 65520: overflow
    {
        return static_cast<uint16_t>(sign | 0x7C00u);
    }
    if (absx < 0x38800000u) // subnormal half
    {
        const float a = std::fabs(f) * 16777216.0f; // 2^24
        return static_cast<uint16_t>(sign | static_cast<uint16_t>(std::nearbyint(a)));
    }
    uint32_t mant = absx & 0x7FFFFFu;
    uint32_t exp = (absx >> 23) - 127 + 15;
    uint32_t h = (exp << 10) | (mant >> 13);
    const uint32_t rest = mant & 0x1FFFu;
    if (rest > 0x1000u || (rest == 0x1000u && (h & 1u)))
    {
        ++h;
    }
    return static_cast<uint16_t>(sign | h);
}

size_t ElemSize(int32_t t)
{
    using TP = onnx::TensorProto;
    switch (t)
    {
        case TP::FLOAT: case TP::INT32: case TP::UINT32: return 4;
        case TP::UINT8: case TP::INT8: case TP::BOOL: return 1;
        case TP::UINT16: case TP::INT16: case TP::FLOAT16: case TP::BFLOAT16: return 2;
        case TP::INT64: case TP::UINT64: case TP::DOUBLE: return 8;
        default: return 0;
    }
}

bool IsRealType(int32_t t)
{
    using TP = onnx::TensorProto;
    return t == TP::FLOAT || t == TP::DOUBLE || t == TP::FLOAT16 || t == TP::BFLOAT16;
}

template <typename T>
T LoadLE(const uint8_t* p)
{
    T v;
    std::memcpy(&v, p, sizeof(T));
    return v;
}

void DecodeBytes(const uint8_t* data, ConstValue& out)
{
    using TP = onnx::TensorProto;
    const size_t n = out.NumElements();
    const size_t es = ElemSize(out.m_ElemType);
    for (size_t i = 0; i < n; ++i)
    {
        const uint8_t* p = data + i * es;
        switch (out.m_ElemType)
        {
            case TP::FLOAT: out.m_Reals.push_back(LoadLE<float>(p)); break;
            case TP::DOUBLE: out.m_Reals.push_back(LoadLE<double>(p)); break;
            case TP::FLOAT16: out.m_Reals.push_back(HalfToFloat(LoadLE<uint16_t>(p))); break;
            case TP::BFLOAT16:
            {
                const uint32_t bits = static_cast<uint32_t>(LoadLE<uint16_t>(p)) << 16;
                float f;
                std::memcpy(&f, &bits, sizeof(f));
                out.m_Reals.push_back(f);
                break;
            }
            case TP::UINT8: out.m_Ints.push_back(*p); break;
            case TP::INT8: out.m_Ints.push_back(static_cast<int8_t>(*p)); break;
            case TP::BOOL: out.m_Ints.push_back(*p != 0); break;
            case TP::UINT16: out.m_Ints.push_back(LoadLE<uint16_t>(p)); break;
            case TP::INT16: out.m_Ints.push_back(LoadLE<int16_t>(p)); break;
            case TP::INT32: out.m_Ints.push_back(LoadLE<int32_t>(p)); break;
            case TP::UINT32: out.m_Ints.push_back(LoadLE<uint32_t>(p)); break;
            case TP::INT64: out.m_Ints.push_back(LoadLE<int64_t>(p)); break;
            case TP::UINT64: out.m_Ints.push_back(static_cast<int64_t>(LoadLE<uint64_t>(p))); break;
            default: break;
        }
    }
}

/// Reads the external data of a tensor: only a regular file inside the model's folder (after resolving
/// symlinks), with offset and length inside the file and length equal to what the dims need.
std::vector<uint8_t> ReadExternal(const onnx::TensorProto& tensor, const std::string& folder, size_t expected,
                                  const std::string& context)
{
    namespace fs = std::filesystem;
    std::string location;
    int64_t offset = 0;
    int64_t length = -1;
    for (const auto& kv : tensor.external_data())
    {
        auto toInt = [&](const std::string& s) {
            if (s.empty() || s.size() > 18 || !std::all_of(s.begin(), s.end(), ::isdigit))
            {
                ThrowParse(context + ": external data " + kv.key() + " '" + s + "' is not a valid number");
            }
            return static_cast<int64_t>(std::stoll(s));
        };
        if (kv.key() == "location") { location = kv.value(); }
        else if (kv.key() == "offset") { offset = toInt(kv.value()); }
        else if (kv.key() == "length") { length = toInt(kv.value()); }
    }
    if (folder.empty())
    {
        ThrowParse(context + ": external data ('" + location +
                   "') can only be read when the model is loaded from a file");
    }
    if (location.empty())
    {
        ThrowParse(context + ": external data without a location");
    }
    std::error_code ec;
    const fs::path rel(location);
    if (rel.is_absolute() || location.find('\0') != std::string::npos)
    {
        ThrowParse(context + ": external data location '" + location + "' must be relative to the model's folder");
    }
    for (const auto& part : rel)
    {
        if (part == "..")
        {
            ThrowParse(context + ": external data location '" + location + "' leaves the model's folder");
        }
    }
    const fs::path base = fs::canonical(fs::path(folder), ec);
    if (ec)
    {
        ThrowParse(context + ": model folder '" + folder + "' cannot be resolved");
    }
    const fs::path full = fs::canonical(base / rel, ec);
    if (ec)
    {
        ThrowParse(context + ": external data file '" + location + "' does not exist");
    }
    const std::string baseStr = base.string() + "/";
    if (full.string().compare(0, baseStr.size(), baseStr) != 0)
    {
        ThrowParse(context + ": external data location '" + location +
                   "' resolves outside the model's folder (symlink?)");
    }
    if (!fs::is_regular_file(full, ec))
    {
        ThrowParse(context + ": external data location '" + location + "' is not a regular file");
    }
    const auto fileSize = static_cast<int64_t>(fs::file_size(full, ec));
    if (length < 0)
    {
        length = static_cast<int64_t>(expected);
    }
    if (static_cast<size_t>(length) != expected)
    {
        ThrowParse(context + ": external data length " + std::to_string(length) + " differs from the " +
                   std::to_string(expected) + " bytes its dims need");
    }
    if (ec || offset > fileSize || length > fileSize - offset)
    {
        ThrowParse(context + ": external data offset " + std::to_string(offset) + " and length " +
                   std::to_string(length) + " lie outside '" + location + "' (" + std::to_string(fileSize) +
                   " bytes)");
    }
    std::ifstream in(full, std::ios::binary);
    std::vector<uint8_t> bytes(expected);
    in.seekg(offset);
    in.read(reinterpret_cast<char*>(bytes.data()), static_cast<std::streamsize>(expected));
    if (!in)
    {
        ThrowParse(context + ": cannot read external data from '" + location + "'");
    }
    return bytes;
}

std::string ReadFile(const char* path)
{
    if (path == nullptr)
    {
        throw armnn::InvalidArgumentException("ONNX parser: null file name");
    }
    std::ifstream in(path, std::ios::binary);
    if (!in)
    {
        throw armnn::FileNotFoundException(std::string("ONNX parser: cannot open '") + path + "'");
    }
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

std::string FolderOf(const char* path)
{
    const std::filesystem::path p(path);
    const std::string parent = p.parent_path().string();
    return parent.empty() ? "." : parent;
}

} // namespace

// ---------------------------------------------------------------------------------------------------------------
// Types and constants

bool ConstValue::IsReal() const { return IsRealType(m_ElemType); }

size_t ConstValue::NumElements() const
{
    size_t n = 1;
    for (int64_t d : m_Dims)
    {
        n *= static_cast<size_t>(d);
    }
    return n;
}

std::string OnnxTypeName(int32_t t)
{
    if (onnx::TensorProto_DataType_IsValid(t))
    {
        return onnx::TensorProto_DataType_Name(static_cast<onnx::TensorProto_DataType>(t));
    }
    return "type " + std::to_string(t);
}

armnn::DataType ToArmnnType(int32_t t, const std::string& context)
{
    using TP = onnx::TensorProto;
    switch (t)
    {
        case TP::FLOAT: return armnn::DataType::Float32;
        case TP::FLOAT16: return armnn::DataType::Float16;
        case TP::INT32: return armnn::DataType::Signed32;
        case TP::INT64: return armnn::DataType::Signed64;
        case TP::BOOL: return armnn::DataType::Boolean;
        case TP::UINT8: return armnn::DataType::QAsymmU8;
        case TP::INT8: return armnn::DataType::QAsymmS8;
        // No 16-bit or unsigned 32-bit integer types in armnn: widened, exact for every value (arithmetic that
        // overflows the ONNX type does not wrap).
        case TP::INT16: case TP::UINT16: return armnn::DataType::Signed32;
        case TP::UINT32: return armnn::DataType::Signed64;
        default: break;
    }
    ThrowParse(context + ": unsupported element type " + OnnxTypeName(t) + " (no armnn data type)");
}

std::string DimsToString(const std::vector<int64_t>& dims)
{
    std::string s = "[";
    for (size_t i = 0; i < dims.size(); ++i)
    {
        s += (i ? "," : "") + std::to_string(dims[i]);
    }
    return s + "]";
}

armnn::TensorShape ToArmnnShape(const std::vector<int64_t>& dims, const std::string& context)
{
    if (dims.size() > armnn::MaxNumOfTensorDimensions)
    {
        ThrowParse(context + ": unsupported rank " + std::to_string(dims.size()) + " (armnn tensors have at most " +
                   std::to_string(armnn::MaxNumOfTensorDimensions) + " dimensions)");
    }
    int64_t elements = 1;
    std::vector<unsigned int> d;
    for (int64_t v : dims)
    {
        if (v < 0 || v > kMaxDimension)
        {
            ThrowParse(context + ": dimension " + std::to_string(v) + " of shape " + DimsToString(dims) +
                       " is out of range");
        }
        if (v == 0)
        {
            ThrowParse(context + ": unsupported empty tensor of shape " + DimsToString(dims));
        }
        elements *= v;
        if (elements > kMaxElements)
        {
            ThrowParse(context + ": shape " + DimsToString(dims) + " has too many elements (limit " +
                       std::to_string(kMaxElements) + ")");
        }
        d.push_back(static_cast<unsigned int>(v));
    }
    if (d.empty())
    {
        d.push_back(1); // scalars travel as [1]; the parser keeps their ONNX rank
    }
    return armnn::TensorShape(static_cast<unsigned int>(d.size()), d.data());
}

ConstValue DecodeTensor(const onnx::TensorProto& tensor, const std::string& folder, const std::string& context)
{
    using TP = onnx::TensorProto;
    ConstValue out;
    out.m_ElemType = tensor.data_type();
    int64_t elements = 1;
    for (int64_t d : tensor.dims())
    {
        if (d < 0 || d > kMaxDimension)
        {
            ThrowParse(context + ": dimension " + std::to_string(d) + " is out of range");
        }
        elements *= d;
        if (elements > kMaxElements)
        {
            ThrowParse(context + ": too many elements (limit " + std::to_string(kMaxElements) + ")");
        }
        out.m_Dims.push_back(d);
    }
    const size_t n = static_cast<size_t>(elements);
    const size_t es = ElemSize(out.m_ElemType);
    if (es == 0)
    {
        ThrowParse(context + ": unsupported element type " + OnnxTypeName(out.m_ElemType));
    }
    if (tensor.has_data_location() && tensor.data_location() == TP::EXTERNAL)
    {
        const std::vector<uint8_t> bytes = ReadExternal(tensor, folder, n * es, context);
        DecodeBytes(bytes.data(), out);
        return out;
    }
    if (tensor.has_raw_data())
    {
        if (tensor.raw_data().size() != n * es)
        {
            ThrowParse(context + ": raw data has " + std::to_string(tensor.raw_data().size()) + " bytes, shape " +
                       DimsToString(out.m_Dims) + " of " + OnnxTypeName(out.m_ElemType) + " needs " +
                       std::to_string(n * es));
        }
        DecodeBytes(reinterpret_cast<const uint8_t*>(tensor.raw_data().data()), out);
        return out;
    }
    auto check = [&](int have) {
        if (static_cast<size_t>(have) != n)
        {
            ThrowParse(context + ": has " + std::to_string(have) + " values, shape " + DimsToString(out.m_Dims) +
                       " needs " + std::to_string(n));
        }
    };
    switch (out.m_ElemType)
    {
        case TP::FLOAT:
            check(tensor.float_data_size());
            out.m_Reals.assign(tensor.float_data().begin(), tensor.float_data().end());
            break;
        case TP::DOUBLE:
            check(tensor.double_data_size());
            out.m_Reals.assign(tensor.double_data().begin(), tensor.double_data().end());
            break;
        case TP::FLOAT16:
            check(tensor.int32_data_size());
            for (int32_t v : tensor.int32_data())
            {
                out.m_Reals.push_back(HalfToFloat(static_cast<uint16_t>(v)));
            }
            break;
        case TP::INT64:
            check(tensor.int64_data_size());
            out.m_Ints.assign(tensor.int64_data().begin(), tensor.int64_data().end());
            break;
        case TP::UINT32: case TP::UINT64:
            check(tensor.uint64_data_size());
            for (uint64_t v : tensor.uint64_data())
            {
                out.m_Ints.push_back(static_cast<int64_t>(v));
            }
            break;
        case TP::BFLOAT16:
            ThrowParse(context + ": unsupported BFLOAT16 data in int32_data");
        default:
            check(tensor.int32_data_size());
            for (int32_t v : tensor.int32_data())
            {
                out.m_Ints.push_back(out.m_ElemType == TP::BOOL ? (v != 0) : v);
            }
            break;
    }
    return out;
}

std::vector<uint8_t> EncodeConst(const ConstValue& value, armnn::DataType type)
{
    const size_t n = value.NumElements();
    std::vector<uint8_t> bytes(n * armnn::GetDataTypeSize(type));
    for (size_t i = 0; i < n; ++i)
    {
        uint8_t* p = bytes.data() + i * armnn::GetDataTypeSize(type);
        switch (type)
        {
            case armnn::DataType::Float32:
            {
                const float f = NarrowToFloat(value.Real(i));
                std::memcpy(p, &f, 4);
                break;
            }
            case armnn::DataType::Float16:
            {
                const uint16_t h = FloatToHalf(NarrowToFloat(value.Real(i)));
                std::memcpy(p, &h, 2);
                break;
            }
            case armnn::DataType::Signed32:
            {
                const int32_t v = static_cast<int32_t>(value.Int(i));
                std::memcpy(p, &v, 4);
                break;
            }
            case armnn::DataType::Signed64:
            {
                const int64_t v = value.Int(i);
                std::memcpy(p, &v, 8);
                break;
            }
            case armnn::DataType::Boolean:
            case armnn::DataType::QAsymmU8:
            case armnn::DataType::QAsymmS8:
                *p = static_cast<uint8_t>(value.Int(i));
                break;
            default:
                ThrowParse("cannot encode a constant as " + std::string(armnn::GetDataTypeName(type)));
        }
    }
    return bytes;
}

// ---------------------------------------------------------------------------------------------------------------
// NodeContext

NodeContext::NodeContext(OnnxParserImpl& parser, const onnx::NodeProto& node, int64_t opset, size_t index)
    : m_Parser(parser), m_Node(node), m_Opset(opset), m_Index(index)
{}

armnn::INetwork& NodeContext::Network() { return m_Parser.Network(); }

std::string NodeContext::Describe(const std::string& tensor) const
{
    std::string s = "node #" + std::to_string(m_Index) + " '" + m_Node.name() + "' (" + m_Node.op_type() + ")";
    if (!tensor.empty())
    {
        s += ", tensor '" + tensor + "'";
    }
    return s;
}

void NodeContext::Fail(const std::string& what, const std::string& tensor) const
{
    ThrowParse(Describe(tensor) + ": " + what);
}

void NodeContext::Unsupported(const std::string& what, const std::string& tensor) const
{
    ThrowParse(Describe(tensor) + ": unsupported: " + what);
}

std::string NodeContext::LayerName(const std::string& suffix) const
{
    std::string base = m_Node.name();
    if (base.empty())
    {
        base = m_Node.output_size() > 0 ? m_Node.output(0) : m_Node.op_type();
    }
    return base + suffix;
}

bool NodeContext::Has(size_t i) const
{
    return i < NumInputs() && !m_Node.input(static_cast<int>(i)).empty();
}

const std::string& NodeContext::InputName(size_t i) const
{
    static const std::string empty;
    return i < NumInputs() ? m_Node.input(static_cast<int>(i)) : empty;
}

const Value& NodeContext::In(size_t i) const
{
    if (!Has(i))
    {
        Fail("input " + std::to_string(i) + " is required");
    }
    auto it = m_Parser.Values().find(InputName(i));
    if (it == m_Parser.Values().end())
    {
        Fail("input is not produced by any node, graph input or initializer", InputName(i));
    }
    return it->second;
}

const ConstValue& NodeContext::Const(size_t i, const char* what) const
{
    const Value& v = In(i);
    if (!v.m_Const)
    {
        Unsupported(std::string(what) + " must be known when parsing (a constant or an initializer)",
                    InputName(i));
    }
    return *v.m_Const;
}

std::vector<int64_t> NodeContext::ConstInts(size_t i, const char* what) const
{
    const ConstValue& c = Const(i, what);
    std::vector<int64_t> r;
    for (size_t k = 0; k < c.NumElements(); ++k)
    {
        r.push_back(c.Int(k));
    }
    return r;
}

std::vector<float> NodeContext::ConstFloats(size_t i, const char* what) const
{
    const ConstValue& c = Const(i, what);
    std::vector<float> r;
    for (size_t k = 0; k < c.NumElements(); ++k)
    {
        r.push_back(NarrowToFloat(c.Real(k)));
    }
    return r;
}

armnn::IOutputSlot& NodeContext::ConstSlot(const ConstValue& value, const std::string& suffix)
{
    const armnn::DataType type = ToArmnnType(value.m_ElemType, Describe(suffix));
    armnn::TensorInfo info(ToArmnnShape(value.m_Dims, Describe(suffix)), type, 1.0f, 0, true);
    const std::vector<uint8_t> bytes = EncodeConst(value, type);
    armnn::IConnectableLayer* layer =
        Network().AddConstantLayer(armnn::ConstTensor(info, bytes.data()), (LayerName(suffix)).c_str());
    layer->GetOutputSlot(0).SetTensorInfo(info);
    return layer->GetOutputSlot(0);
}

armnn::IOutputSlot& NodeContext::Slot(size_t i)
{
    In(i);
    Value& v = m_Parser.Values()[InputName(i)];
    if (v.m_Slot == nullptr)
    {
        const ConstValue& c = *v.m_Const;
        const armnn::DataType type = ToArmnnType(c.m_ElemType, Describe(InputName(i)));
        armnn::TensorInfo info(ToArmnnShape(c.m_Dims, Describe(InputName(i))), type, 1.0f, 0, true);
        const std::vector<uint8_t> bytes = EncodeConst(c, type);
        // The Constant layer copies the data, so the bytes may go out of scope.
        armnn::IConnectableLayer* layer =
            Network().AddConstantLayer(armnn::ConstTensor(info, bytes.data()), InputName(i).c_str());
        layer->GetOutputSlot(0).SetTensorInfo(info);
        v.m_Slot = &layer->GetOutputSlot(0);
    }
    return *v.m_Slot;
}

const onnx::AttributeProto* NodeContext::Attr(const std::string& name) const
{
    for (const auto& a : m_Node.attribute())
    {
        if (a.name() == name)
        {
            return &a;
        }
    }
    return nullptr;
}

int64_t NodeContext::AttrInt(const std::string& name, int64_t def) const
{
    const auto* a = Attr(name);
    if (a == nullptr)
    {
        return def;
    }
    if (a->type() != onnx::AttributeProto::INT && !a->has_i())
    {
        Fail("attribute '" + name + "' must be an integer");
    }
    return a->i();
}

float NodeContext::AttrFloat(const std::string& name, float def) const
{
    const auto* a = Attr(name);
    if (a == nullptr)
    {
        return def;
    }
    if (a->type() != onnx::AttributeProto::FLOAT && !a->has_f())
    {
        Fail("attribute '" + name + "' must be a float");
    }
    return a->f();
}

std::string NodeContext::AttrString(const std::string& name, const std::string& def) const
{
    const auto* a = Attr(name);
    return a == nullptr ? def : a->s();
}

std::vector<int64_t> NodeContext::AttrInts(const std::string& name, const std::vector<int64_t>& def) const
{
    const auto* a = Attr(name);
    if (a == nullptr)
    {
        return def;
    }
    return std::vector<int64_t>(a->ints().begin(), a->ints().end());
}

std::vector<float> NodeContext::AttrFloats(const std::string& name) const
{
    const auto* a = Attr(name);
    if (a == nullptr)
    {
        return {};
    }
    return std::vector<float>(a->floats().begin(), a->floats().end());
}

armnn::IConnectableLayer* NodeContext::Emit(armnn::IConnectableLayer* layer,
                                            const std::vector<armnn::IOutputSlot*>& inputs,
                                            const std::vector<armnn::DataType>& outputTypes)
{
    std::vector<armnn::TensorShape> shapes;
    for (size_t k = 0; k < inputs.size(); ++k)
    {
        inputs[k]->Connect(layer->GetInputSlot(static_cast<unsigned int>(k)));
        shapes.push_back(inputs[k]->GetTensorInfo().GetShape());
    }
    // Layers added with their constants (BatchNormalization's statistics) come with those inputs connected.
    for (unsigned int k = static_cast<unsigned int>(inputs.size()); k < layer->GetNumInputSlots(); ++k)
    {
        if (const armnn::IOutputSlot* c = layer->GetInputSlot(k).GetConnection())
        {
            shapes.push_back(c->GetTensorInfo().GetShape());
        }
    }
    std::vector<armnn::TensorShape> outShapes;
    try
    {
        outShapes = layer->InferOutputShapes(shapes);
    }
    catch (const armnn::ParseException&)
    {
        throw;
    }
    catch (const armnn::Exception& e)
    {
        Unsupported(std::string("the ") + armnn::GetLayerTypeAsCString(layer->GetType()) +
                    " layer refuses these inputs: " + e.what());
    }
    for (size_t k = 0; k < outShapes.size() && k < layer->GetNumOutputSlots(); ++k)
    {
        const armnn::DataType t = outputTypes.size() == 1 ? outputTypes[0] : outputTypes.at(k);
        armnn::TensorInfo info(outShapes[k], t, 1.0f, 0);
        layer->GetOutputSlot(static_cast<unsigned int>(k)).SetTensorInfo(info);
    }
    return layer;
}

armnn::IOutputSlot& NodeContext::Reshape(armnn::IOutputSlot& slot, const std::vector<int64_t>& dims,
                                         const std::string& suffix)
{
    const armnn::TensorShape target = ToArmnnShape(dims, Describe());
    if (slot.GetTensorInfo().GetShape() == target)
    {
        return slot;
    }
    if (slot.GetTensorInfo().GetNumElements() != target.GetNumElements())
    {
        Fail("cannot reshape " + slot.GetTensorInfo().GetShape().ToString() + " to " + DimsToString(dims));
    }
    armnn::IConnectableLayer* r =
        Network().AddReshapeLayer(armnn::ReshapeDescriptor(target), LayerName(suffix).c_str());
    Emit(r, {&slot}, slot.GetTensorInfo().GetDataType());
    armnn::TensorInfo info = slot.GetTensorInfo();
    info.SetShape(target);
    info.SetConstant(false);
    r->GetOutputSlot(0).SetTensorInfo(info);
    return r->GetOutputSlot(0);
}

void NodeContext::SetOutput(size_t i, armnn::IOutputSlot& slot, int32_t elemType, const std::vector<int64_t>& dims)
{
    if (!HasOutput(i))
    {
        return;
    }
    Value v;
    v.m_ElemType = elemType;
    v.m_Dims = dims;
    v.m_Slot = &Reshape(slot, dims);
    m_Parser.Values()[m_Node.output(static_cast<int>(i))] = v;
}

void NodeContext::SetConstOutput(size_t i, ConstValue value)
{
    if (!HasOutput(i))
    {
        return;
    }
    ToArmnnShape(value.m_Dims, Describe(m_Node.output(static_cast<int>(i)))); // limits
    Value v;
    v.m_ElemType = value.m_ElemType;
    v.m_Dims = value.m_Dims;
    v.m_Const = std::make_shared<const ConstValue>(std::move(value));
    m_Parser.Values()[m_Node.output(static_cast<int>(i))] = v;
}

void NodeContext::Alias(size_t i, size_t j)
{
    if (!HasOutput(i))
    {
        return;
    }
    const Value v = In(j);
    m_Parser.Values()[m_Node.output(static_cast<int>(i))] = v;
}

// ---------------------------------------------------------------------------------------------------------------
// The graph walk

armnn::INetworkPtr OnnxParserImpl::LoadBinary(const void* data, size_t size, const std::string& folder,
                                              const std::map<std::string, armnn::TensorShape>& shapes)
{
    if (size > static_cast<size_t>(std::numeric_limits<int>::max()))
    {
        ThrowParse("model of " + std::to_string(size) + " bytes exceeds protobuf's 2 GiB limit");
    }
    onnx::ModelProto model;
    google::protobuf::io::CodedInputStream stream(static_cast<const uint8_t*>(data), static_cast<int>(size));
    stream.SetRecursionLimit(64);
    if (!model.ParseFromCodedStream(&stream) || !stream.ConsumedEntireMessage())
    {
        ThrowParse("the data is not a valid ONNX model (protobuf parsing failed)");
    }
    m_Folder = folder;
    return Build(model, shapes);
}

armnn::INetworkPtr OnnxParserImpl::LoadText(const std::string& text, const std::string& folder,
                                            const std::map<std::string, armnn::TensorShape>& shapes)
{
    // Collects protobuf's complaint into the exception instead of letting libprotobuf log it.
    struct Collector : google::protobuf::io::ErrorCollector
    {
        std::string m_First;
        void AddError(int line, int column, const std::string& message) override
        {
            if (m_First.empty())
            {
                m_First = std::to_string(line + 1) + ":" + std::to_string(column + 1) + ": " + message;
            }
        }
    } collector;
    onnx::ModelProto model;
    google::protobuf::TextFormat::Parser parser;
    parser.AllowPartialMessage(false);
    parser.RecordErrorsTo(&collector);
    if (!parser.ParseFromString(text, &model))
    {
        ThrowParse("the text is not a valid ONNX model in protobuf text format (" + collector.m_First + ")");
    }
    m_Folder = folder;
    return Build(model, shapes);
}

armnn::INetworkPtr OnnxParserImpl::Build(const onnx::ModelProto& model,
                                         const std::map<std::string, armnn::TensorShape>& shapes)
{
    m_Values.clear();
    m_InputBindings.clear();
    m_OutputBindings.clear();
    m_Opset = 0;
    for (const auto& op : model.opset_import())
    {
        if (op.domain().empty() || op.domain() == "ai.onnx")
        {
            m_Opset = op.version();
        }
    }
    if (m_Opset == 0 && model.ir_version() < 3)
    {
        m_Opset = 1;
    }
    if (m_Opset < 7)
    {
        ThrowParse("unsupported opset " + std::to_string(m_Opset) + " of the default domain (7 and newer)");
    }
    if (!model.has_graph())
    {
        ThrowParse("the model has no graph");
    }
    const onnx::GraphProto& graph = model.graph();
    m_Graph = &graph;
    m_Network = armnn::INetwork::Create();

    for (int k = 0; k < graph.initializer_size(); ++k)
    {
        const auto& t = graph.initializer(k);
        const std::string context = "initializer '" + t.name() + "'";
        if (t.name().empty())
        {
            ThrowParse("initializer #" + std::to_string(k) + " has no name");
        }
        if (m_Values.count(t.name()))
        {
            ThrowParse(context + " is defined twice");
        }
        Value v;
        ConstValue c = DecodeTensor(t, m_Folder, context);
        v.m_ElemType = c.m_ElemType;
        v.m_Dims = c.m_Dims;
        v.m_Const = std::make_shared<const ConstValue>(std::move(c));
        m_Values[t.name()] = std::move(v);
    }
    AddInputs(graph, shapes);
    const std::vector<const onnx::NodeProto*> order = SortNodes(graph);
    const auto& table = OperatorTable();
    m_Producers.clear();
    m_Consumers.clear();
    m_GraphOutputs.clear();
    m_Fused.clear();
    for (const onnx::NodeProto* node : order)
    {
        for (const auto& out : node->output()) m_Producers[out] = node;
        for (const auto& in : node->input()) if (!in.empty()) m_Consumers[in].push_back(node);
    }
    for (const auto& out : graph.output()) m_GraphOutputs.insert(out.name());
    // A DequantizeLinear that may belong to a fused QDQ group waits for its consumer, which converts it only
    // when the group does not fuse.
    std::map<std::string, size_t> deferred;
    std::function<void(size_t, bool)> convert = [&](size_t k, bool mayDefer) {
        const onnx::NodeProto& node = *order[k];
        NodeContext ctx(*this, node, m_Opset, k);
        if (!node.domain().empty() && node.domain() != "ai.onnx")
        {
            ctx.Unsupported("operator domain '" + node.domain() + "'");
        }
        if (m_Fused.count(&node))
        {
            return;
        }
        if (mayDefer && IsFusableDequantize(node))
        {
            deferred[node.output(0)] = k;
            return;
        }
        try
        {
            if (TryFuseQdq(node, k))
            {
                return;
            }
            for (const auto& in : node.input())
            {
                auto d = deferred.find(in);
                if (d != deferred.end())
                {
                    const size_t producer = d->second;
                    deferred.erase(d);
                    convert(producer, false);
                }
            }
            auto it = table.find(node.op_type());
            if (it == table.end())
            {
                static const std::set<std::string> dataDependent = {"NonMaxSuppression", "NonZero", "Unique",
                                                                    "Compress"};
                ctx.Unsupported("operator type " + node.op_type() +
                                (dataDependent.count(node.op_type())
                                     ? " (the shape of its output depends on the input values, known only at run "
                                       "time, and the parser fixes every tensor shape when parsing)"
                                     : ""));
            }
            it->second(ctx);
        }
        catch (const armnn::ParseException&)
        {
            throw;
        }
        catch (const std::exception& e)
        {
            ctx.Fail(e.what());
        }
        for (int o = 0; o < node.output_size(); ++o)
        {
            if (!node.output(o).empty() && !m_Values.count(node.output(o)))
            {
                ctx.Unsupported("output " + std::to_string(o) + " is not produced", node.output(o));
            }
        }
    };
    for (size_t k = 0; k < order.size(); ++k)
    {
        convert(k, true);
    }
    AddOutputs(graph);
    m_Graph = nullptr;
    return std::move(m_Network);
}

void OnnxParserImpl::AddInputs(const onnx::GraphProto& graph, const std::map<std::string, armnn::TensorShape>& shapes)
{
    armnn::LayerBindingId id = 0;
    for (const auto& in : graph.input())
    {
        const std::string context = "graph input '" + in.name() + "'";
        if (m_Values.count(in.name()))
        {
            continue; // an initializer gives it a default: treated as a constant
        }
        if (!in.type().has_tensor_type())
        {
            ThrowParse(context + ": unsupported non-tensor type");
        }
        const auto& tt = in.type().tensor_type();
        Value v;
        v.m_ElemType = tt.elem_type();
        const armnn::DataType type = ToArmnnType(v.m_ElemType, context);
        auto given = shapes.find(in.name());
        if (!tt.has_shape())
        {
            if (given == shapes.end())
            {
                ThrowParse(context + " has no shape; give it in inputShapes");
            }
            for (unsigned int d = 0; d < given->second.GetNumDimensions(); ++d)
            {
                v.m_Dims.push_back(given->second[d]);
            }
        }
        else
        {
            const auto& shape = tt.shape();
            if (given != shapes.end() && given->second.GetNumDimensions() != static_cast<unsigned>(shape.dim_size()) &&
                !(shape.dim_size() == 0 && given->second.GetNumElements() == 1))
            {
                ThrowParse(context + ": inputShapes gives rank " +
                           std::to_string(given->second.GetNumDimensions()) + ", the model rank " +
                           std::to_string(shape.dim_size()));
            }
            for (int d = 0; d < shape.dim_size(); ++d)
            {
                const auto& dim = shape.dim(d);
                const bool fixed = dim.has_dim_value();
                if (given != shapes.end())
                {
                    const int64_t g = given->second[static_cast<unsigned>(d)];
                    if (fixed && dim.dim_value() != g)
                    {
                        ThrowParse(context + ": inputShapes gives " + std::to_string(g) + " for dimension " +
                                   std::to_string(d) + ", the model fixes it to " + std::to_string(dim.dim_value()));
                    }
                    v.m_Dims.push_back(g);
                }
                else if (fixed)
                {
                    v.m_Dims.push_back(dim.dim_value());
                }
                else
                {
                    ThrowParse(context + ": dimension " + std::to_string(d) + " ('" + dim.dim_param() +
                               "') is dynamic; give the input's shape in inputShapes");
                }
            }
        }
        if (std::find(v.m_Dims.begin(), v.m_Dims.end(), 0) != v.m_Dims.end())
        {
            // A tensor without elements has a known value, so it becomes a constant (no binding): operators that
            // only read its type or shape (CastLike, an empty axes list) then work as usual.
            auto empty = std::make_shared<ConstValue>();
            empty->m_ElemType = v.m_ElemType;
            empty->m_Dims = v.m_Dims;
            v.m_Const = std::move(empty);
            m_Values[in.name()] = v;
            continue;
        }
        armnn::TensorInfo info(ToArmnnShape(v.m_Dims, context), type, 1.0f, 0);
        armnn::IConnectableLayer* layer = m_Network->AddInputLayer(id, in.name().c_str());
        layer->GetOutputSlot(0).SetTensorInfo(info);
        v.m_Slot = &layer->GetOutputSlot(0);
        m_Values[in.name()] = v;
        m_InputBindings[in.name()] = {id, info};
        ++id;
    }
}

std::vector<const onnx::NodeProto*> OnnxParserImpl::SortNodes(const onnx::GraphProto& graph)
{
    // Kahn's algorithm: ONNX requires nodes in topological order, but an untrusted file may not keep the promise.
    const int n = graph.node_size();
    std::unordered_map<std::string, int> producer;
    for (int k = 0; k < n; ++k)
    {
        for (const auto& out : graph.node(k).output())
        {
            if (out.empty())
            {
                continue;
            }
            if (m_Values.count(out) || !producer.emplace(out, k).second)
            {
                ThrowParse("node #" + std::to_string(k) + " '" + graph.node(k).name() + "' (" +
                           graph.node(k).op_type() + "), tensor '" + out + "': value is defined twice");
            }
        }
    }
    std::vector<int> pending(static_cast<size_t>(n), 0);
    std::vector<std::vector<int>> users(static_cast<size_t>(n));
    for (int k = 0; k < n; ++k)
    {
        const auto& node = graph.node(k);
        for (const auto& in : node.input())
        {
            if (in.empty() || m_Values.count(in))
            {
                continue;
            }
            auto it = producer.find(in);
            if (it == producer.end())
            {
                ThrowParse("node #" + std::to_string(k) + " '" + node.name() + "' (" + node.op_type() +
                           "), tensor '" + in +
                           "': input is not produced by any node, graph input or initializer");
            }
            ++pending[static_cast<size_t>(k)];
            users[static_cast<size_t>(it->second)].push_back(k);
        }
    }
    std::vector<const onnx::NodeProto*> order;
    std::vector<int> ready;
    for (int k = n - 1; k >= 0; --k)
    {
        if (pending[static_cast<size_t>(k)] == 0)
        {
            ready.push_back(k);
        }
    }
    while (!ready.empty())
    {
        const int k = ready.back();
        ready.pop_back();
        order.push_back(&graph.node(k));
        for (int u : users[static_cast<size_t>(k)])
        {
            if (--pending[static_cast<size_t>(u)] == 0)
            {
                ready.push_back(u);
            }
        }
    }
    if (order.size() != static_cast<size_t>(n))
    {
        for (int k = 0; k < n; ++k)
        {
            if (pending[static_cast<size_t>(k)] > 0)
            {
                const auto& node = graph.node(k);
                ThrowParse("node #" + std::to_string(k) + " '" + node.name() + "' (" + node.op_type() +
                           "), tensor '" + (node.input_size() ? node.input(0) : "") +
                           "': the graph has a cycle through this node");
            }
        }
    }
    return order;
}

void OnnxParserImpl::AddOutputs(const onnx::GraphProto& graph)
{
    armnn::LayerBindingId id = 0;
    for (const auto& out : graph.output())
    {
        auto it = m_Values.find(out.name());
        if (it == m_Values.end())
        {
            ThrowParse("graph output '" + out.name() + "' is not produced by any node, input or initializer");
        }
        const onnx::NodeProto dummy;
        NodeContext ctx(*this, dummy, m_Opset, 0);
        armnn::IOutputSlot* slot = it->second.m_Slot;
        if (slot == nullptr)
        {
            slot = &ctx.ConstSlot(*it->second.m_Const, out.name());
            it->second.m_Slot = slot;
        }
        armnn::IConnectableLayer* layer = m_Network->AddOutputLayer(id, out.name().c_str());
        slot->Connect(layer->GetInputSlot(0));
        armnn::TensorInfo info = slot->GetTensorInfo();
        info.SetConstant(false);
        m_OutputBindings[out.name()] = {id, info};
        ++id;
    }
}

std::optional<std::vector<int64_t>> OnnxParserImpl::DeclaredDims(const std::string& name) const
{
    if (m_Graph == nullptr)
    {
        return std::nullopt;
    }
    for (const auto* infos : {&m_Graph->output(), &m_Graph->value_info()})
    {
        for (const onnx::ValueInfoProto& info : *infos)
        {
            if (info.name() != name || !info.type().has_tensor_type() || !info.type().tensor_type().has_shape())
            {
                continue;
            }
            std::vector<int64_t> dims;
            for (const auto& dim : info.type().tensor_type().shape().dim())
            {
                dims.push_back(dim.has_dim_value() && dim.dim_value() > 0 ? dim.dim_value() : -1);
            }
            return dims;
        }
    }
    return std::nullopt;
}

BindingPointInfo OnnxParserImpl::GetInputBinding(const std::string& name) const
{
    auto it = m_InputBindings.find(name);
    if (it == m_InputBindings.end())
    {
        ThrowParse("no graph input named '" + name + "'");
    }
    return it->second;
}

BindingPointInfo OnnxParserImpl::GetOutputBinding(const std::string& name) const
{
    auto it = m_OutputBindings.find(name);
    if (it == m_OutputBindings.end())
    {
        ThrowParse("no graph output named '" + name + "'");
    }
    return it->second;
}

// ---------------------------------------------------------------------------------------------------------------
// IOnnxParser

IOnnxParser::IOnnxParser() : pOnnxParserImpl(new OnnxParserImpl()) {}
IOnnxParser::~IOnnxParser() = default;

IOnnxParser* IOnnxParser::CreateRaw() { return new IOnnxParser(); }
IOnnxParserPtr IOnnxParser::Create() { return IOnnxParserPtr(CreateRaw(), &IOnnxParser::Destroy); }
void IOnnxParser::Destroy(IOnnxParser* parser) { delete parser; }

armnn::INetworkPtr IOnnxParser::CreateNetworkFromBinaryFile(const char* graphFile)
{
    return CreateNetworkFromBinaryFile(graphFile, {});
}
armnn::INetworkPtr IOnnxParser::CreateNetworkFromBinary(const std::vector<uint8_t>& binaryContent)
{
    return CreateNetworkFromBinary(binaryContent, {});
}
armnn::INetworkPtr IOnnxParser::CreateNetworkFromTextFile(const char* graphFile)
{
    return CreateNetworkFromTextFile(graphFile, {});
}
armnn::INetworkPtr IOnnxParser::CreateNetworkFromString(const std::string& protoText)
{
    return CreateNetworkFromString(protoText, {});
}

armnn::INetworkPtr IOnnxParser::CreateNetworkFromBinaryFile(const char* graphFile,
                                                            const std::map<std::string, armnn::TensorShape>& shapes)
{
    const std::string bytes = ReadFile(graphFile);
    return pOnnxParserImpl->LoadBinary(bytes.data(), bytes.size(), FolderOf(graphFile), shapes);
}
armnn::INetworkPtr IOnnxParser::CreateNetworkFromBinary(const std::vector<uint8_t>& binaryContent,
                                                        const std::map<std::string, armnn::TensorShape>& shapes)
{
    return pOnnxParserImpl->LoadBinary(binaryContent.data(), binaryContent.size(), "", shapes);
}
armnn::INetworkPtr IOnnxParser::CreateNetworkFromTextFile(const char* graphFile,
                                                          const std::map<std::string, armnn::TensorShape>& shapes)
{
    return pOnnxParserImpl->LoadText(ReadFile(graphFile), FolderOf(graphFile), shapes);
}
armnn::INetworkPtr IOnnxParser::CreateNetworkFromString(const std::string& protoText,
                                                        const std::map<std::string, armnn::TensorShape>& shapes)
{
    return pOnnxParserImpl->LoadText(protoText, "", shapes);
}

BindingPointInfo IOnnxParser::GetNetworkInputBindingInfo(const std::string& name) const
{
    return pOnnxParserImpl->GetInputBinding(name);
}
BindingPointInfo IOnnxParser::GetNetworkOutputBindingInfo(const std::string& name) const
{
    return pOnnxParserImpl->GetOutputBinding(name);
}

} // namespace armnnOnnxParser
