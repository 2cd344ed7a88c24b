//
// 8-bit layers whose every output element depends on one input element alone: Activation (sigmoid, tanh,
// hard swish, ...), Quantize (float or 8-bit to 8-bit) and Dequantize (8-bit to float). For an 8-bit input each
// is a table of CpuRef's result for the 256 stored values, built once at load with the arithmetic CpuRef itself
// uses (QuantizedArithmetic's Activate and QuantizedActivation, TensorConversion's decode and encode), so the
// lookup is CpuRef's result bit for bit. Float input to Quantize is encoded by TensorConversion directly.
// The byte tables are looked up 64 at a time with AVX512-VBMI; Dequantize decodes 16 at a time with AVX-512, the
// decoder's own float operations in its order (same results). Large layers are split over the layer's threads.
//
#include "../CpuAccKernels.hpp"
#include "../CpuAccUtils.hpp"

#include <armnn/TypesUtils.hpp>
#include <armnn/backends/KernelRegistry.hpp>
#include <armnn/backends/QuantizedArithmetic.hpp>
#include <armnn/backends/TensorConversion.hpp>

#include <immintrin.h>
#include <omp.h>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <cstring>
#include <numeric>

namespace armnn
{
namespace cpuacc
{

namespace
{
bool Is8Bit(DataType type)
{
    return type == DataType::QAsymmS8 || type == DataType::QAsymmU8;
}

/// The tensor's quantization on the 256 stored values, byte b at index b.
TensorInfo Flat256(const TensorInfo& info)
{
    TensorInfo flat = info;
    flat.SetShape(TensorShape({256}));
    return flat;
}

std::array<uint8_t, 256> AllBytes()
{
    std::array<uint8_t, 256> bytes{};
    std::iota(bytes.begin(), bytes.end(), uint8_t{0});
    return bytes;
}

/// The real value of each stored byte of `info`.
std::vector<float> DecodeAll(const TensorInfo& info)
{
    const std::array<uint8_t, 256> bytes = AllBytes();
    return DecodeToFloat(Flat256(info), bytes.data());
}

/// `values` (one per stored input byte) encoded in `info`'s 8-bit type.
std::array<uint8_t, 256> EncodeAll(const TensorInfo& info, const std::vector<float>& values)
{
    std::array<uint8_t, 256> table{};
    EncodeFromFloat(Flat256(info), values.data(), table.data());
    return table;
}

/// Elements per thread below which a table layer stays on the calling thread (an OpenMP region costs more). SSD
/// MobileNet v2's 1917 x 91 scores at 2 threads (whole network, minimum of 100 runs): Logistic 7.5 us on one
/// thread, 5.2 on two; their Dequantize 24 us and 19.
constexpr size_t kParallelElements = 32768;

/// ARMNN_CPUACC_DISABLE_AVX512 (read at load) lets the tests run the scalar loops on an AVX-512 machine.
bool Avx512Disabled()
{
    return std::getenv("ARMNN_CPUACC_DISABLE_AVX512") != nullptr;
}

/// Runs run(begin, end) over [0, count) on the layer's threads, in whole chunks of `chunk` elements, where each
/// thread gets at least kParallelElements; else on the calling thread.
template <typename Fn>
void SplitOverThreads(size_t count, size_t chunk, unsigned numThreads, const Fn& run)
{
    ThreadScope threads(numThreads);
    const int teams = std::max(1, std::min<int>(omp_get_max_threads(), static_cast<int>(count / kParallelElements)));
    const size_t chunks = (count + chunk - 1) / chunk;
    RunInTeam(teams, [&] {
        const size_t n = static_cast<size_t>(omp_get_num_threads());
        const size_t team = static_cast<size_t>(omp_get_thread_num());
        const size_t begin = std::min(count, chunks * team / n * chunk);
        const size_t end = std::min(count, chunks * (team + 1) / n * chunk);
        run(begin, end);
    });
}

// GCC 12 warns about the undefined vectors inside its own AVX-512 intrinsics (-Wmaybe-uninitialized): not ours.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#pragma GCC diagnostic ignored "-Wuninitialized"

/// out[i] = table[in[i]] for an 8-bit output. With AVX512-VBMI the table sits in four registers: vpermi2b looks
/// 64 bytes up in each half (the low 7 bits of the index) and bit 7 picks the half.
class ByteTableWorkload final : public IWorkload
{
public:
    ByteTableWorkload(const std::array<uint8_t, 256>& table, const LayerInfo& layer)
        : m_Table(table), m_Count(layer.m_Inputs[0].GetNumElements()), m_NumThreads(NumThreads(layer)),
          m_Vbmi(__builtin_cpu_supports("avx512vbmi") && __builtin_cpu_supports("avx512bw") && !Avx512Disabled())
    {}

    void Execute(const ExecutionTensors& tensors) const override
    {
        const uint8_t* in = tensors.Input<uint8_t>(0);
        uint8_t* out = tensors.Output<uint8_t>(0);
        SplitOverThreads(m_Count, 64, m_NumThreads, [&](size_t begin, size_t end) {
            if (m_Vbmi)
            {
                LookUpVbmi(in + begin, out + begin, end - begin);
                return;
            }
            for (size_t i = begin; i < end; ++i)
            {
                out[i] = m_Table[in[i]];
            }
        });
    }

private:
    /// The table entries of 64 indices (t0..t3: the table's four quarters).
    __attribute__((target("avx512f,avx512bw,avx512vbmi"))) static __m512i LookUp64(__m512i t0, __m512i t1, __m512i t2,
                                                                                   __m512i t3, __m512i index)
    {
        const __m512i low = _mm512_permutex2var_epi8(t0, index, t1);
        const __m512i high = _mm512_permutex2var_epi8(t2, index, t3);
        return _mm512_mask_blend_epi8(_mm512_movepi8_mask(index), low, high);
    }

    __attribute__((target("avx512f,avx512bw,avx512vbmi"))) void LookUpVbmi(const uint8_t* in, uint8_t* out,
                                                                             size_t count) const
    {
        const __m512i t0 = _mm512_loadu_si512(m_Table.data());
        const __m512i t1 = _mm512_loadu_si512(m_Table.data() + 64);
        const __m512i t2 = _mm512_loadu_si512(m_Table.data() + 128);
        const __m512i t3 = _mm512_loadu_si512(m_Table.data() + 192);
        size_t i = 0;
        for (; i + 64 <= count; i += 64)
        {
            _mm512_storeu_si512(out + i, LookUp64(t0, t1, t2, t3, _mm512_loadu_si512(in + i)));
        }
        if (i < count)
        {
            const __mmask64 tail = _cvtu64_mask64(~uint64_t(0) >> (64 - (count - i)));
            _mm512_mask_storeu_epi8(out + i, tail, LookUp64(t0, t1, t2, t3, _mm512_maskz_loadu_epi8(tail, in + i)));
        }
    }

    std::array<uint8_t, 256> m_Table;
    size_t m_Count;
    unsigned m_NumThreads;
    bool m_Vbmi;
};

/// 8-bit to Float32: (stored value - zero point) * scale, TensorConversion's decode (CpuRef's Dequantize). The
/// AVX-512 loop does the same two float operations in the same order, so every result is the same float; the
/// scalar loop reads them from a table of the decoder's own results.
class DequantizeWorkload final : public IWorkload
{
public:
    explicit DequantizeWorkload(const LayerInfo& layer)
        : m_Signed(layer.m_Inputs[0].GetDataType() == DataType::QAsymmS8),
          m_Scale(layer.m_Inputs[0].GetQuantizationScale()),
          m_Offset(static_cast<float>(layer.m_Inputs[0].GetQuantizationOffset())),
          m_Count(layer.m_Inputs[0].GetNumElements()), m_NumThreads(NumThreads(layer)),
          m_Avx512(__builtin_cpu_supports("avx512f") && !Avx512Disabled())
    {
        const std::vector<float> values = DecodeAll(layer.m_Inputs[0]);
        std::copy(values.begin(), values.end(), m_Table.begin());
    }

    void Execute(const ExecutionTensors& tensors) const override
    {
        const uint8_t* in = tensors.Input<uint8_t>(0);
        float* out = tensors.Output<float>(0);
        SplitOverThreads(m_Count, 16, m_NumThreads, [&](size_t begin, size_t end) {
            if (m_Avx512)
            {
                begin += m_Signed ? DecodeAvx512<true>(in + begin, out + begin, end - begin)
                                  : DecodeAvx512<false>(in + begin, out + begin, end - begin);
            }
            for (size_t i = begin; i < end; ++i)
            {
                out[i] = m_Table[in[i]];
            }
        });
    }

private:
    /// Whole vectors of sixteen; returns how many elements it decoded.
    template <bool Signed>
    __attribute__((target("avx512f"))) size_t DecodeAvx512(const uint8_t* in, float* out, size_t count) const
    {
        const __m512 scale = _mm512_set1_ps(m_Scale);
        const __m512 offset = _mm512_set1_ps(m_Offset);
        const size_t whole = count / 16 * 16;
        for (size_t i = 0; i < whole; i += 16)
        {
            const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(in + i));
            const __m512i values = Signed ? _mm512_cvtepi8_epi32(bytes) : _mm512_cvtepu8_epi32(bytes);
            _mm512_storeu_ps(out + i, _mm512_mul_ps(_mm512_sub_ps(_mm512_cvtepi32_ps(values), offset), scale));
        }
        return whole;
    }

    std::array<float, 256> m_Table;
    bool m_Signed;
    float m_Scale;
    float m_Offset;
    size_t m_Count;
    unsigned m_NumThreads;
    bool m_Avx512;
};
#pragma GCC diagnostic pop

/// Float32 to an 8-bit type with TensorConversion's encoder (CpuRef's Quantize).
class EncodeWorkload final : public IWorkload
{
public:
    explicit EncodeWorkload(const TensorInfo& output) : m_Output(output) {}

    void Execute(const ExecutionTensors& tensors) const override
    {
        EncodeFromFloat(m_Output, tensors.Input<float>(0), tensors.Output(0));
    }

private:
    TensorInfo m_Output;
};

bool CheckPerTensor(const LayerInfo& layer, std::string& reason)
{
    for (const TensorInfo* info : {&layer.m_Inputs[0], &layer.m_Outputs[0]})
    {
        if (info->HasPerAxisQuantization())
        {
            reason = "per-axis quantization is not supported";
            return false;
        }
    }
    return true;
}
} // namespace

bool CheckQuantizedActivationTable(const LayerInfo& layer, std::string& reason)
{
    if (!Is8Bit(layer.m_Outputs[0].GetDataType()))
    {
        reason = "8-bit activations need an 8-bit output";
        return false;
    }
    return CheckPerTensor(layer, reason);
}

std::unique_ptr<IWorkload> CreateQuantizedActivationTable(const LayerInfo& layer)
{
    const TensorInfo& in = layer.m_Inputs[0];
    const TensorInfo& out = layer.m_Outputs[0];
    const auto& desc = layer.GetDescriptor<ActivationDescriptor>();
    std::array<uint8_t, 256> table{};
    if (QuantizedActivation::Applies(in, out, desc))
    {
        // CpuRef's integer form (TFLite's hard swish, leaky ReLu).
        const std::array<uint8_t, 256> bytes = AllBytes();
        std::vector<int32_t> values = ReadQuantized(Flat256(in), bytes.data(), in.GetQuantizationOffset());
        const QuantizedActivation activate(in, out, desc);
        for (int32_t& v : values)
        {
            v = activate(v);
        }
        WriteQuantized(Flat256(out), values.data(), table.data());
    }
    else
    {
        // CpuRef's float form: decode, activate, encode.
        std::vector<float> values = DecodeAll(in);
        for (float& v : values)
        {
            v = Activate(v, desc);
        }
        table = EncodeAll(out, values);
    }
    return std::make_unique<ByteTableWorkload>(table, layer);
}

bool CheckQuantize(const LayerInfo& layer, std::string& reason)
{
    const DataType in = layer.m_Inputs[0].GetDataType();
    if (!Is8Bit(layer.m_Outputs[0].GetDataType()) || (in != DataType::Float32 && !Is8Bit(in)))
    {
        reason = "Quantize: only Float32, QAsymmS8 or QAsymmU8 to QAsymmS8 or QAsymmU8";
        return false;
    }
    if (!(layer.m_Outputs[0].GetQuantizationScale() > 0.0f))
    {
        reason = "output quantization scale must be positive";
        return false;
    }
    return CheckPerTensor(layer, reason);
}

std::unique_ptr<IWorkload> CreateQuantize(const LayerInfo& layer)
{
    const TensorInfo& in = layer.m_Inputs[0];
    const TensorInfo& out = layer.m_Outputs[0];
    if (in.GetDataType() == DataType::Float32)
    {
        return std::make_unique<EncodeWorkload>(out);
    }
    return std::make_unique<ByteTableWorkload>(EncodeAll(out, DecodeAll(in)), layer);
}

bool CheckDequantize(const LayerInfo& layer, std::string& reason)
{
    if (layer.m_Outputs[0].GetDataType() != DataType::Float32)
    {
        reason = "Dequantize: only to Float32";
        return false;
    }
    return CheckPerTensor(layer, reason);
}

std::unique_ptr<IWorkload> CreateDequantize(const LayerInfo& layer)
{
    return std::make_unique<DequantizeWorkload>(layer);
}

std::array<uint8_t, 256> RequantizationTable(const TensorInfo& from, const TensorInfo& to)
{
    return EncodeAll(to, DecodeAll(from));
}

} // namespace cpuacc
} // namespace armnn
