//
// The OpenCL C source of every GpuAcc kernel: one program, compiled once per runtime and build options (and cached
// on disk as a binary when asked). Tensors are fp32, images NHWC. Work-item 0 runs along the innermost (channel)
// dimension so that neighbouring work-items read neighbouring weights: coalesced on GPUs, vectorised by PoCL.
// Every kernel checks its bounds: the tuner rounds global sizes up to multiples of the local size.
//
// ACC is the accumulation type: float, or half when the program is built with -DGPUACC_FP16 (cl_khr_fp16 and the
// FastMathEnabled model option).
//
#include "GpuAccRuntime.hpp"

namespace armnn
{
namespace gpuacc
{

const char* KernelSource()
{
    return R"CL(
#ifdef GPUACC_FP16
#pragma OPENCL EXTENSION cl_khr_fp16 : enable
typedef half ACC;
typedef half4 ACC4;
#define CONVERT_ACC4 convert_half4
#else
typedef float ACC;
typedef float4 ACC4;
#define CONVERT_ACC4
#endif

// Function codes are armnn::ActivationFunction's values; -1 is none.
float activate(float x, int f, float a, float b)
{
    switch (f)
    {
        case 0: return 1.0f / (1.0f + exp(-x));
        case 1: return a * tanh(b * x);
        case 2: return a * x + b;
        case 3: return fmax(0.0f, x);
        case 4: return fmin(a, fmax(b, x));
        case 5: return log1p(exp(x));
        case 6: return x > 0.0f ? x : a * x;
        case 7: return fabs(x);
        case 8: return sqrt(x);
        case 9: return x * x;
        case 10: return x >= 0.0f ? x : a * (exp(x) - 1.0f);
        case 11: return x * fmin(6.0f, fmax(0.0f, x + 3.0f)) / 6.0f;
        case 12: return 0.5f * x * (1.0f + erf(x * M_SQRT1_2_F));
        default: return x;
    }
}

__kernel void activation(__global const float* in, __global float* out, int n, int f, float a, float b)
{
    const int i = get_global_id(0);
    if (i < n)
    {
        out[i] = activate(in[i], f, a, b);
    }
}

// Broadcasting binary operation on shapes padded to 4-D; a stride of 0 repeats a dimension of size 1.
// op: armnn::BinaryOperation's values.
__kernel void binary(__global const float* in0, __global const float* in1, __global float* out, int n,
                     int4 dims, int4 s0, int4 s1, int op, int f, float a, float b)
{
    const int i = get_global_id(0);
    if (i >= n)
    {
        return;
    }
    int r = i;
    const int d3 = r % dims.w; r /= dims.w;
    const int d2 = r % dims.z; r /= dims.z;
    const int d1 = r % dims.y;
    const int d0 = r / dims.y;
    const float x = in0[d0 * s0.x + d1 * s0.y + d2 * s0.z + d3 * s0.w];
    const float y = in1[d0 * s1.x + d1 * s1.y + d2 * s1.z + d3 * s1.w];
    float v;
    switch (op)
    {
        case 0: v = x + y; break;
        case 1: v = x / y; break;
        case 2: v = fmax(x, y); break;
        case 3: v = fmin(x, y); break;
        case 4: v = x * y; break;
        case 5: v = x - y; break;
        default: v = (x - y) * (x - y); break;
    }
    out[i] = activate(v, f, a, b);
}

// Stores a tile's 4 output channels (those below O) of one pixel, with bias and activation.
void store4(__global float* out, int o4, int O, ACC4 acc, float4 bias, int f, float a, float b)
{
    const float4 v = convert_float4(acc) + bias;
    out[o4] = activate(v.x, f, a, b);
    if (o4 + 1 < O) out[o4 + 1] = activate(v.y, f, a, b);
    if (o4 + 2 < O) out[o4 + 2] = activate(v.z, f, a, b);
    if (o4 + 3 < O) out[o4 + 3] = activate(v.w, f, a, b);
}

// General convolution. Weights [KH, KW, C, OP] (OP: O rounded up to 4, zero-padded), bias [OP].
// Work-item (4 output channels, 4 neighbouring output pixels of a row, batch): a 4x4 register tile, so each
// weight vector loaded serves 4 pixels and each input value 4 channels.
__kernel void conv2d(__global const float* in, __global const float* w, __global const float* bias,
                     __global float* out, int H, int W, int C, int OH, int OW, int O, int OP, int KH, int KW,
                     int strideY, int strideX, int dilY, int dilX, int padTop, int padLeft, int f, float a, float b)
{
    const int o4 = get_global_id(0) * 4;
    const int tiles = (OW + 3) / 4;
    const int t = get_global_id(1);
    const int n = get_global_id(2);
    if (o4 >= O || t >= tiles * OH)
    {
        return;
    }
    const int oy = t / tiles;
    const int ox0 = (t % tiles) * 4;
    ACC4 acc0 = (ACC4)(0), acc1 = (ACC4)(0), acc2 = (ACC4)(0), acc3 = (ACC4)(0);
    for (int ky = 0; ky < KH; ++ky)
    {
        const int iy = oy * strideY - padTop + ky * dilY;
        if (iy < 0 || iy >= H)
        {
            continue;
        }
        __global const float* row = in + (n * H + iy) * W * C;
        for (int kx = 0; kx < KW; ++kx)
        {
            // Pixels outside the input (or past the row's end) contribute 0 (a select, not a multiply: 0 * inf).
            int x[4];
            int m[4];
            for (int i = 0; i < 4; ++i)
            {
                const int ix = (ox0 + i) * strideX - padLeft + kx * dilX;
                const int inside = ix >= 0 && ix < W && ox0 + i < OW;
                x[i] = inside ? ix * C : 0;
                m[i] = inside;
            }
            __global const float* wk = w + (ky * KW + kx) * C * OP + o4;
            for (int c = 0; c < C; ++c)
            {
                const ACC4 wv = CONVERT_ACC4(vload4(0, wk + c * OP));
                acc0 += (m[0] ? (ACC)row[x[0] + c] : (ACC)0) * wv;
                acc1 += (m[1] ? (ACC)row[x[1] + c] : (ACC)0) * wv;
                acc2 += (m[2] ? (ACC)row[x[2] + c] : (ACC)0) * wv;
                acc3 += (m[3] ? (ACC)row[x[3] + c] : (ACC)0) * wv;
            }
        }
    }
    const float4 bv = vload4(0, bias + o4);
    __global float* dst = out + ((n * OH + oy) * OW + ox0) * O;
    store4(dst, o4, O, acc0, bv, f, a, b);
    if (ox0 + 1 < OW) store4(dst + O, o4, O, acc1, bv, f, a, b);
    if (ox0 + 2 < OW) store4(dst + 2 * O, o4, O, acc2, bv, f, a, b);
    if (ox0 + 3 < OW) store4(dst + 3 * O, o4, O, acc3, bv, f, a, b);
}

// A matrix product of rows [P, C] and weights [C, OP]: 1x1 convolutions with stride 1 and no padding (the rows
// are the pixels) and fully connected layers (the rows are the batches). Work-item: 4 channels x 4 rows.
__kernel void matmul(__global const float* in, __global const float* w, __global const float* bias,
                     __global float* out, int P, int C, int O, int OP, int f, float a, float b)
{
    const int o4 = get_global_id(0) * 4;
    const int p0 = get_global_id(1) * 4;
    if (o4 >= O || p0 >= P)
    {
        return;
    }
    // Rows past P read row p0 and are not stored.
    __global const float* r0 = in + p0 * C;
    __global const float* r1 = in + (p0 + 1 < P ? p0 + 1 : p0) * C;
    __global const float* r2 = in + (p0 + 2 < P ? p0 + 2 : p0) * C;
    __global const float* r3 = in + (p0 + 3 < P ? p0 + 3 : p0) * C;
    ACC4 acc0 = (ACC4)(0), acc1 = (ACC4)(0), acc2 = (ACC4)(0), acc3 = (ACC4)(0);
    for (int c = 0; c < C; ++c)
    {
        const ACC4 wv = CONVERT_ACC4(vload4(0, w + c * OP + o4));
        acc0 += (ACC)r0[c] * wv;
        acc1 += (ACC)r1[c] * wv;
        acc2 += (ACC)r2[c] * wv;
        acc3 += (ACC)r3[c] * wv;
    }
    const float4 bv = vload4(0, bias + o4);
    __global float* dst = out + p0 * O;
    store4(dst, o4, O, acc0, bv, f, a, b);
    if (p0 + 1 < P) store4(dst + O, o4, O, acc1, bv, f, a, b);
    if (p0 + 2 < P) store4(dst + 2 * O, o4, O, acc2, bv, f, a, b);
    if (p0 + 3 < P) store4(dst + 3 * O, o4, O, acc3, bv, f, a, b);
}

// Depthwise convolution. Weights [KH, KW, C * M]; output channel o reads input channel o / M.
__kernel void depthwise_conv2d(__global const float* in, __global const float* w, __global const float* bias,
                               __global float* out, int H, int W, int C, int OH, int OW, int M, int KH, int KW,
                               int strideY, int strideX, int dilY, int dilX, int padTop, int padLeft,
                               int f, float a, float b)
{
    const int O = C * M;
    const int o = get_global_id(0);
    const int p = get_global_id(1);
    const int n = get_global_id(2);
    if (o >= O || p >= OH * OW)
    {
        return;
    }
    const int oy = p / OW;
    const int ox = p % OW;
    const int c = o / M;
    ACC sum = (ACC)0;
    for (int ky = 0; ky < KH; ++ky)
    {
        const int iy = oy * strideY - padTop + ky * dilY;
        if (iy < 0 || iy >= H)
        {
            continue;
        }
        for (int kx = 0; kx < KW; ++kx)
        {
            const int ix = ox * strideX - padLeft + kx * dilX;
            if (ix < 0 || ix >= W)
            {
                continue;
            }
            sum += (ACC)in[((n * H + iy) * W + ix) * C + c] * (ACC)w[(ky * KW + kx) * O + o];
        }
    }
    out[(n * OH * OW + p) * O + o] = activate((float)sum + bias[o], f, a, b);
}

// Depthwise convolution with multiplier 1 and C a multiple of 4: work-item (4 channels, 4 neighbouring output
// pixels of a row, batch), vector loads of input and weights.
__kernel void depthwise_conv2d_c4(__global const float* in, __global const float* w, __global const float* bias,
                                  __global float* out, int H, int W, int C, int OH, int OW, int KH, int KW,
                                  int strideY, int strideX, int dilY, int dilX, int padTop, int padLeft,
                                  int f, float a, float b)
{
    const int c4 = get_global_id(0) * 4;
    const int tiles = (OW + 3) / 4;
    const int t = get_global_id(1);
    const int n = get_global_id(2);
    if (c4 >= C || t >= tiles * OH)
    {
        return;
    }
    const int oy = t / tiles;
    const int ox0 = (t % tiles) * 4;
    ACC4 acc[4] = {(ACC4)(0), (ACC4)(0), (ACC4)(0), (ACC4)(0)};
    for (int ky = 0; ky < KH; ++ky)
    {
        const int iy = oy * strideY - padTop + ky * dilY;
        if (iy < 0 || iy >= H)
        {
            continue;
        }
        __global const float* row = in + (n * H + iy) * W * C + c4;
        for (int kx = 0; kx < KW; ++kx)
        {
            const ACC4 wv = CONVERT_ACC4(vload4(0, w + (ky * KW + kx) * C + c4));
            for (int i = 0; i < 4; ++i)
            {
                const int ix = (ox0 + i) * strideX - padLeft + kx * dilX;
                if (ix >= 0 && ix < W && ox0 + i < OW)
                {
                    acc[i] += CONVERT_ACC4(vload4(0, row + ix * C)) * wv;
                }
            }
        }
    }
    const float4 bv = vload4(0, bias + c4);
    for (int i = 0; i < 4 && ox0 + i < OW; ++i)
    {
        store4(out + ((n * OH + oy) * OW + ox0 + i) * C, c4, C, acc[i], bv, f, a, b);
    }
}

// Max or average pooling. The average divides by the input elements in the window (exclude) or by the window
// positions inside the padded input (ignore value: padding counts as zeros).
__kernel void pool2d(__global const float* in, __global float* out, int H, int W, int C, int OH, int OW,
                     int KH, int KW, int strideY, int strideX, int padTop, int padLeft, int padBottom, int padRight,
                     int isMax, int exclude, int f, float a, float b)
{
    const int c = get_global_id(0);
    const int p = get_global_id(1);
    const int n = get_global_id(2);
    if (c >= C || p >= OH * OW)
    {
        return;
    }
    const int oy = p / OW;
    const int ox = p % OW;
    const int y0 = oy * strideY - padTop;
    const int x0 = ox * strideX - padLeft;
    const int y1 = min(y0 + KH, H + padBottom);
    const int x1 = min(x0 + KW, W + padRight);
    const int ys = max(y0, 0), ye = min(y1, H), xs = max(x0, 0), xe = min(x1, W);
    float m = -INFINITY;
    float sum = 0.0f;
    for (int y = ys; y < ye; ++y)
    {
        for (int x = xs; x < xe; ++x)
        {
            const float v = in[((n * H + y) * W + x) * C + c];
            m = fmax(m, v);
            sum += v;
        }
    }
    const int count = exclude ? (ye - ys) * (xe - xs) : (y1 - y0) * (x1 - x0);
    const float v = isMax ? m : sum / (float)count;
    out[(n * OH * OW + p) * C + c] = activate(v, f, a, b);
}

// Softmax along rows of length L (the innermost axis).
__kernel void softmax(__global const float* in, __global float* out, int rows, int L, float beta)
{
    const int r = get_global_id(0);
    if (r >= rows)
    {
        return;
    }
    __global const float* src = in + r * L;
    __global float* dst = out + r * L;
    float m = -INFINITY;
    for (int i = 0; i < L; ++i)
    {
        m = fmax(m, src[i]);
    }
    float sum = 0.0f;
    for (int i = 0; i < L; ++i)
    {
        const float e = exp((src[i] - m) * beta);
        dst[i] = e;
        sum += e;
    }
    for (int i = 0; i < L; ++i)
    {
        dst[i] /= sum;
    }
}

// One input of a concatenation: rows of inInner elements go to output rows of outInner at offset.
__kernel void concat_slab(__global const float* in, __global float* out, int outer, int inInner, int outInner,
                          int offset)
{
    const int i = get_global_id(0);
    const int r = get_global_id(1);
    if (i < inInner && r < outer)
    {
        out[r * outInner + offset + i] = in[r * inInner + i];
    }
}

// Mean over the dimensions whose flag is set, of a tensor padded to 4-D; one work-item per output element
// (the output's elements in the order of the kept dimensions).
__kernel void mean(__global const float* in, __global float* out, int n, int4 dims, int4 reduce)
{
    const int i = get_global_id(0);
    if (i >= n)
    {
        return;
    }
    const int e0 = reduce.x ? 1 : dims.x, e1 = reduce.y ? 1 : dims.y;
    const int e2 = reduce.z ? 1 : dims.z, e3 = reduce.w ? 1 : dims.w;
    int r = i;
    const int k3 = r % e3; r /= e3;
    const int k2 = r % e2; r /= e2;
    const int k1 = r % e1;
    const int k0 = r / e1;
    const int r0 = reduce.x ? dims.x : 1, r1 = reduce.y ? dims.y : 1;
    const int r2 = reduce.z ? dims.z : 1, r3 = reduce.w ? dims.w : 1;
    float sum = 0.0f;
    for (int a = 0; a < r0; ++a)
        for (int b = 0; b < r1; ++b)
            for (int c = 0; c < r2; ++c)
                for (int d = 0; d < r3; ++d)
                {
                    const int i0 = reduce.x ? a : k0, i1 = reduce.y ? b : k1;
                    const int i2 = reduce.z ? c : k2, i3 = reduce.w ? d : k3;
                    sum += in[((i0 * dims.y + i1) * dims.z + i2) * dims.w + i3];
                }
    out[i] = sum / (float)(r0 * r1 * r2 * r3);
}

// Constant padding of a tensor padded to 4-D.
__kernel void pad(__global const float* in, __global float* out, int n, int4 inDims, int4 outDims, int4 before,
                  float value)
{
    const int i = get_global_id(0);
    if (i >= n)
    {
        return;
    }
    int r = i;
    const int o3 = r % outDims.w; r /= outDims.w;
    const int o2 = r % outDims.z; r /= outDims.z;
    const int o1 = r % outDims.y;
    const int o0 = r / outDims.y;
    const int4 c = (int4)(o0, o1, o2, o3) - before;
    const int inside = c.x >= 0 && c.x < inDims.x && c.y >= 0 && c.y < inDims.y && c.z >= 0 && c.z < inDims.z &&
                       c.w >= 0 && c.w < inDims.w;
    out[i] = inside ? in[((c.x * inDims.y + c.y) * inDims.z + c.z) * inDims.w + c.w] : value;
}
)CL";
}

} // namespace gpuacc
} // namespace armnn
