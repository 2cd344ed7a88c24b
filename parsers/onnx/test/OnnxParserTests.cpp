//
// armnnOnnxParser tests: small models built in memory with the protobuf API, run on CpuRef against values
// computed by hand; and every kind of malformed file, each of which must give a ParseException naming the culprit.
//
#include <armnnOnnxParser/IOnnxParser.hpp>

#include <armnn/ArmNN.hpp>

#include <onnx/onnx_pb.h>

#include <gtest/gtest.h>

#include <filesystem>
#include <functional>
#include <sstream>
#include <unistd.h>
#include <fstream>
#include <limits>
#include <string>
#include <vector>

namespace
{

using armnnOnnxParser::IOnnxParser;
namespace fs = std::filesystem;

/// Builds a one-graph model of the default domain at the given opset.
struct ModelBuilder
{
    onnx::ModelProto model;
    onnx::GraphProto* graph;

    explicit ModelBuilder(int64_t opset = 13)
    {
        model.set_ir_version(8);
        auto* op = model.add_opset_import();
        op->set_domain("");
        op->set_version(opset);
        graph = model.mutable_graph();
        graph->set_name("test");
    }

    void Input(const std::string& name, const std::vector<int64_t>& dims, int32_t type = onnx::TensorProto::FLOAT,
               const std::vector<std::string>& params = {})
    {
        auto* vi = graph->add_input();
        vi->set_name(name);
        auto* tt = vi->mutable_type()->mutable_tensor_type();
        tt->set_elem_type(type);
        auto* shape = tt->mutable_shape();
        for (size_t i = 0; i < dims.size(); ++i)
        {
            auto* d = shape->add_dim();
            if (dims[i] < 0) d->set_dim_param(params.at(i)); else d->set_dim_value(dims[i]);
        }
    }

    void Output(const std::string& name)
    {
        auto* vi = graph->add_output();
        vi->set_name(name);
        vi->mutable_type()->mutable_tensor_type()->set_elem_type(onnx::TensorProto::FLOAT);
    }

    onnx::TensorProto* Init(const std::string& name, const std::vector<int64_t>& dims, const std::vector<float>& v)
    {
        auto* t = graph->add_initializer();
        t->set_name(name);
        t->set_data_type(onnx::TensorProto::FLOAT);
        for (auto d : dims) t->add_dims(d);
        for (auto x : v) t->add_float_data(x);
        return t;
    }

    /// An INT8, UINT8 or INT32 initializer (ONNX stores all three in int32_data).
    void InitTyped(const std::string& name, const std::vector<int64_t>& dims, int32_t type, const std::vector<int32_t>& v)
    {
        auto* t = graph->add_initializer();
        t->set_name(name);
        t->set_data_type(type);
        for (auto d : dims) t->add_dims(d);
        for (auto x : v) t->add_int32_data(x);
    }

    void InitInts(const std::string& name, const std::vector<int64_t>& v)
    {
        auto* t = graph->add_initializer();
        t->set_name(name);
        t->set_data_type(onnx::TensorProto::INT64);
        t->add_dims(static_cast<int64_t>(v.size()));
        for (auto x : v) t->add_int64_data(x);
    }

    onnx::NodeProto* Node(const std::string& op, const std::vector<std::string>& ins,
                          const std::vector<std::string>& outs, const std::string& name = "")
    {
        auto* n = graph->add_node();
        n->set_op_type(op);
        n->set_name(name.empty() ? op + "_" + outs.at(0) : name);
        for (const auto& i : ins) n->add_input(i);
        for (const auto& o : outs) n->add_output(o);
        return n;
    }

    static void IntsAttr(onnx::NodeProto* n, const std::string& name, const std::vector<int64_t>& v)
    {
        auto* a = n->add_attribute();
        a->set_name(name);
        a->set_type(onnx::AttributeProto::INTS);
        for (auto x : v) a->add_ints(x);
    }

    static void IntAttr(onnx::NodeProto* n, const std::string& name, int64_t v)
    {
        auto* a = n->add_attribute();
        a->set_name(name);
        a->set_type(onnx::AttributeProto::INT);
        a->set_i(v);
    }

    std::vector<uint8_t> Bytes() const
    {
        const std::string s = model.SerializeAsString();
        return std::vector<uint8_t>(s.begin(), s.end());
    }
};

/// Parses, optimizes for CpuRef and runs one inference with float inputs (in graph input order).
std::string g_LastDot;

std::vector<float> RunModel(IOnnxParser& parser, armnn::INetworkPtr net, const std::vector<std::string>& inputNames,
                       const std::vector<std::vector<float>>& inputs, const std::string& outputName,
                       armnn::TensorShape* outShape = nullptr)
{
    armnn::IRuntimePtr runtime = armnn::IRuntime::Create(armnn::IRuntime::CreationOptions());
    armnn::IOptimizedNetworkPtr opt = armnn::Optimize(*net, {armnn::BackendId("CpuRef")}, runtime->GetDeviceSpec());
    std::ostringstream dot;
    opt->SerializeToDot(dot);
    g_LastDot = dot.str();
    armnn::NetworkId id;
    EXPECT_EQ(runtime->LoadNetwork(id, std::move(opt)), armnn::Status::Success);
    armnn::InputTensors in;
    for (size_t i = 0; i < inputs.size(); ++i)
    {
        auto b = parser.GetNetworkInputBindingInfo(inputNames[i]);
        b.second.SetConstant(true);
        EXPECT_EQ(b.second.GetNumElements(), inputs[i].size());
        in.emplace_back(b.first, armnn::ConstTensor(b.second, inputs[i].data()));
    }
    auto ob = parser.GetNetworkOutputBindingInfo(outputName);
    if (outShape) *outShape = ob.second.GetShape();
    std::vector<float> out(ob.second.GetNumElements());
    armnn::OutputTensors ot{{ob.first, armnn::Tensor(ob.second, out.data())}};
    EXPECT_EQ(runtime->EnqueueWorkload(id, in, ot), armnn::Status::Success);
    return out;
}

/// Expects a ParseException whose message holds every one of `parts`.
void ExpectParseError(const std::function<void()>& f, const std::vector<std::string>& parts)
{
    try
    {
        f();
        FAIL() << "no exception";
    }
    catch (const armnn::ParseException& e)
    {
        for (const auto& p : parts)
        {
            EXPECT_NE(std::string(e.what()).find(p), std::string::npos) << "'" << p << "' not in: " << e.what();
        }
    }
}

TEST(OnnxParser, ConvolutionWithBiasMatchesHandComputedValues)
{
    ModelBuilder m;
    m.Input("x", {1, 1, 3, 3});
    m.Init("w", {1, 1, 2, 2}, {1, 0, 0, -1});
    m.Init("b", {1}, {10});
    m.Node("Conv", {"x", "w", "b"}, {"y"});
    m.Output("y");
    auto parser = IOnnxParser::Create();
    armnn::TensorShape shape;
    auto out = RunModel(*parser, parser->CreateNetworkFromBinary(m.Bytes()), {"x"}, {{1, 2, 3, 4, 5, 6, 7, 8, 9}}, "y", &shape);
    // y[i][j] = x[i][j] - x[i+1][j+1] + 10 = -4 + 10.
    EXPECT_EQ(shape, armnn::TensorShape({1, 1, 2, 2}));
    EXPECT_EQ(out, (std::vector<float>{6, 6, 6, 6}));
}

TEST(OnnxParser, DepthwiseConvolutionAndSamePadding)
{
    ModelBuilder m;
    m.Input("x", {1, 2, 2, 2});
    m.Init("w", {2, 1, 1, 1}, {2, -1});
    auto* n = m.Node("Conv", {"x", "w"}, {"y"});
    ModelBuilder::IntAttr(n, "group", 2);
    m.Output("y");
    auto parser = IOnnxParser::Create();
    auto out = RunModel(*parser, parser->CreateNetworkFromBinary(m.Bytes()), {"x"}, {{1, 2, 3, 4, 5, 6, 7, 8}}, "y");
    EXPECT_EQ(out, (std::vector<float>{2, 4, 6, 8, -5, -6, -7, -8}));
}

TEST(OnnxParser, BroadcastingAddAndRelu)
{
    ModelBuilder m;
    m.Input("a", {2, 3});
    m.Init("b", {3}, {1, -10, 0});
    m.Node("Add", {"a", "b"}, {"s"});
    m.Node("Relu", {"s"}, {"y"});
    m.Output("y");
    auto parser = IOnnxParser::Create();
    auto out = RunModel(*parser, parser->CreateNetworkFromBinary(m.Bytes()), {"a"}, {{1, 2, 3, 4, 5, 6}}, "y");
    EXPECT_EQ(out, (std::vector<float>{2, 0, 3, 5, 0, 6}));
}

TEST(OnnxParser, BatchNormalizationWithConstantStatistics)
{
    // Per channel (x - mean) / sqrt(var + eps) * scale + B: channel 0 (x - 1) / 2 * 2, channel 1 (x - 3) + 1.
    ModelBuilder m;
    m.Input("x", {1, 2, 1, 2});
    m.Init("scale", {2}, {2, 1});
    m.Init("b", {2}, {0, 1});
    m.Init("mean", {2}, {1, 3});
    m.Init("var", {2}, {4, 1});
    m.Node("BatchNormalization", {"x", "scale", "b", "mean", "var"}, {"y"});
    m.Output("y");
    auto parser = IOnnxParser::Create();
    auto out = RunModel(*parser, parser->CreateNetworkFromBinary(m.Bytes()), {"x"}, {{1, 2, 3, 4}}, "y");
    const std::vector<float> expected = {0, 1, 1, 2};
    ASSERT_EQ(out.size(), expected.size());
    for (size_t i = 0; i < out.size(); ++i) EXPECT_NEAR(out[i], expected[i], 1e-4f) << i;
}

TEST(OnnxParser, ModFollowsTheSignOfTheDividend)
{
    // fmod = 1 (C's fmod): 5 % 3 = 2, -5 % 3 = -2, 5 % -3 = 2, -5 % -3 = -2, 4.5 % 2 = 0.5.
    ModelBuilder m;
    m.Input("x", {5});
    m.Init("d", {5}, {3, 3, -3, -3, 2});
    auto* n = m.Node("Mod", {"x", "d"}, {"y"});
    ModelBuilder::IntAttr(n, "fmod", 1);
    m.Output("y");
    auto parser = IOnnxParser::Create();
    auto out = RunModel(*parser, parser->CreateNetworkFromBinary(m.Bytes()), {"x"}, {{5, -5, 5, -5, 4.5f}}, "y");
    EXPECT_EQ(out, (std::vector<float>{2, -2, 2, -2, 0.5f}));
}

TEST(OnnxParser, WhereKeepsInfinitiesExact)
{
    // A select by arithmetic would turn -inf * 0 into NaN; the lowering gathers instead.
    ModelBuilder m;
    m.Input("x", {4});
    m.Input("y", {4});
    m.Node("Greater", {"x", "y"}, {"c"});
    m.Node("Where", {"c", "x", "y"}, {"z"});
    m.Output("z");
    auto parser = IOnnxParser::Create();
    const float inf = std::numeric_limits<float>::infinity();
    auto out = RunModel(*parser, parser->CreateNetworkFromBinary(m.Bytes()), {"x", "y"},
                        {{1, -inf, 3, inf}, {2, -5, -inf, 0}}, "z");
    EXPECT_EQ(out, (std::vector<float>{2, -5, 3, inf}));
}

TEST(OnnxParser, OneHotWithConstantDepthAndNegativeIndices)
{
    // indices 0, 2, -1 (= 2) with depth 3, off 0 and on 5, along a new last axis.
    ModelBuilder m;
    m.Input("x", {3});
    auto* cast = m.Node("Cast", {"x"}, {"i"});
    ModelBuilder::IntAttr(cast, "to", onnx::TensorProto::INT64);
    m.InitInts("depth", {3});
    m.Init("values", {2}, {0, 5});
    m.Node("OneHot", {"i", "depth", "values"}, {"y"});
    m.Output("y");
    auto parser = IOnnxParser::Create();
    armnn::TensorShape shape;
    auto out = RunModel(*parser, parser->CreateNetworkFromBinary(m.Bytes()), {"x"}, {{0, 2, -1}}, "y", &shape);
    EXPECT_EQ(shape, armnn::TensorShape({3, 3}));
    EXPECT_EQ(out, (std::vector<float>{5, 0, 0, 0, 0, 5, 0, 0, 5}));
}

TEST(OnnxParser, GatherNDAndScatterNDWithConstantNegativeIndices)
{
    // x = [[1, 2], [3, 4], [5, 6]]. GatherND with the one row (-1, 1) = (2, 1) picks 6; ScatterND (reduction add)
    // adds u = [10, 20] to row -1 = 2.
    ModelBuilder gather;
    gather.Input("x", {3, 2});
    gather.InitInts("element", {-1, 1});
    gather.Node("GatherND", {"x", "element"}, {"g"});
    gather.Output("g");
    auto parser = IOnnxParser::Create();
    EXPECT_EQ(RunModel(*parser, parser->CreateNetworkFromBinary(gather.Bytes()), {"x"}, {{1, 2, 3, 4, 5, 6}}, "g"),
              (std::vector<float>{6}));

    ModelBuilder scatter;
    scatter.Input("x", {3, 2});
    scatter.Input("u", {2});
    scatter.InitInts("row", {-1});
    auto* reduction = scatter.Node("ScatterND", {"x", "row", "u"}, {"s"})->add_attribute();
    reduction->set_name("reduction");
    reduction->set_type(onnx::AttributeProto::STRING);
    reduction->set_s("add");
    scatter.Output("s");
    EXPECT_EQ(RunModel(*parser, parser->CreateNetworkFromBinary(scatter.Bytes()), {"x", "u"},
                       {{1, 2, 3, 4, 5, 6}, {10, 20}}, "s"),
              (std::vector<float>{1, 2, 3, 4, 15, 26}));
}

TEST(OnnxParserErrors, GatherNDIndexOutOfRangeAndBadBatchDims)
{
    ModelBuilder m;
    m.Input("x", {3, 2});
    m.InitInts("element", {3, 0});
    auto* node = m.Node("GatherND", {"x", "element"}, {"g"});
    m.Output("g");
    ExpectParseError([&] { IOnnxParser::Create()->CreateNetworkFromBinary(m.Bytes()); },
                     {"GatherND", "index 3 is out of range"});
    ModelBuilder::IntAttr(node, "batch_dims", 1);
    ExpectParseError([&] { IOnnxParser::Create()->CreateNetworkFromBinary(m.Bytes()); },
                     {"GatherND", "batch_dims 1 does not fit data [3,2] and indices [2]"});
}

TEST(OnnxParser, ConvTransposeWithStrideAndTwoOutputChannels)
{
    // Weights [C_in 1, C_out 2, 2, 2], stride 2: each input element spreads over a 2x2 block; channel 0 with
    // weights 1 (plus bias 0.5), channel 1 only to the block's top left (bias 0).
    ModelBuilder m;
    m.Input("x", {1, 1, 2, 2});
    m.Init("w", {1, 2, 2, 2}, {1, 1, 1, 1, 1, 0, 0, 0});
    m.Init("b", {2}, {0.5f, 0});
    auto* n = m.Node("ConvTranspose", {"x", "w", "b"}, {"y"});
    ModelBuilder::IntsAttr(n, "strides", {2, 2});
    m.Output("y");
    auto parser = IOnnxParser::Create();
    armnn::TensorShape shape;
    auto out = RunModel(*parser, parser->CreateNetworkFromBinary(m.Bytes()), {"x"}, {{1, 2, 3, 4}}, "y", &shape);
    EXPECT_EQ(shape, armnn::TensorShape({1, 2, 4, 4}));
    EXPECT_EQ(out, (std::vector<float>{1.5f, 1.5f, 2.5f, 2.5f, 1.5f, 1.5f, 2.5f, 2.5f,
                                       3.5f, 3.5f, 4.5f, 4.5f, 3.5f, 3.5f, 4.5f, 4.5f,
                                       1, 0, 2, 0, 0, 0, 0, 0, 3, 0, 4, 0, 0, 0, 0, 0}));
}

TEST(OnnxParser, GemmWithTransposedConstantWeights)
{
    ModelBuilder m;
    m.Input("a", {1, 2});
    m.Init("b", {3, 2}, {1, 0, 0, 1, 1, 1});
    m.Init("c", {3}, {0.5f, 0.5f, 0.5f});
    auto* n = m.Node("Gemm", {"a", "b", "c"}, {"y"});
    ModelBuilder::IntAttr(n, "transB", 1);
    m.Output("y");
    auto parser = IOnnxParser::Create();
    auto out = RunModel(*parser, parser->CreateNetworkFromBinary(m.Bytes()), {"a"}, {{2, 3}}, "y");
    EXPECT_EQ(out, (std::vector<float>{2.5f, 3.5f, 5.5f}));
}

TEST(OnnxParser, ShapeChainIsFoldedAndDynamicDimensionComesFromTheCaller)
{
    // y = Reshape(x, Concat(Gather(Shape(x), 0), [-1])) with x [N, 2, 3] and N given by the caller.
    ModelBuilder m;
    m.Input("x", {-1, 2, 3}, onnx::TensorProto::FLOAT, {"N", "", ""});
    m.InitInts("zero", {0});
    m.InitInts("minus_one", {-1});
    m.Node("Shape", {"x"}, {"shape"});
    m.Node("Gather", {"shape", "zero"}, {"n"});
    auto* c = m.Node("Concat", {"n", "minus_one"}, {"target"});
    ModelBuilder::IntAttr(c, "axis", 0);
    m.Node("Reshape", {"x", "target"}, {"y"});
    m.Output("y");
    auto parser = IOnnxParser::Create();
    ExpectParseError([&] { parser->CreateNetworkFromBinary(m.Bytes()); }, {"'x'", "'N'", "inputShapes"});
    armnn::INetworkPtr net = parser->CreateNetworkFromBinary(m.Bytes(), {{"x", armnn::TensorShape({2, 2, 3})}});
    armnn::TensorShape shape;
    std::vector<float> x(12);
    for (size_t i = 0; i < x.size(); ++i) x[i] = static_cast<float>(i);
    auto out = RunModel(*parser, std::move(net), {"x"}, {x}, "y", &shape);
    EXPECT_EQ(shape, armnn::TensorShape({2, 6}));
    EXPECT_EQ(out, x);
    // Folded at parse time: neither Shape, Gather nor Concat reaches the network.
    EXPECT_EQ(g_LastDot.find("Shape"), std::string::npos) << g_LastDot;
    EXPECT_EQ(g_LastDot.find("Gather"), std::string::npos);
    EXPECT_EQ(g_LastDot.find("Concat"), std::string::npos);
}

TEST(OnnxParser, MaxPoolAndGlobalAveragePool)
{
    ModelBuilder m;
    m.Input("x", {1, 1, 4, 4});
    auto* p = m.Node("MaxPool", {"x"}, {"p"});
    ModelBuilder::IntsAttr(p, "kernel_shape", {2, 2});
    ModelBuilder::IntsAttr(p, "strides", {2, 2});
    m.Node("GlobalAveragePool", {"p"}, {"y"});
    m.Output("y");
    auto parser = IOnnxParser::Create();
    std::vector<float> x(16);
    for (size_t i = 0; i < x.size(); ++i) x[i] = static_cast<float>(i);
    // Maxima of the 2x2 windows: 5, 7, 13, 15; their mean is 10.
    auto out = RunModel(*parser, parser->CreateNetworkFromBinary(m.Bytes()), {"x"}, {x}, "y");
    EXPECT_EQ(out, (std::vector<float>{10}));
}

TEST(OnnxParser, QuantizeLinearRoundsHalfToEven)
{
    // x / 0.5 = 0.5, 1.5, 2.5, -0.5, -2.5, 3.5: ties, which ONNX rounds to even (0, 2, 2, 0, -2, 4), then + 3;
    // infinities saturate at -128 and 127.
    ModelBuilder m;
    m.Input("x", {1, 8});
    m.Init("s", {}, {0.5f});
    m.InitTyped("z", {}, onnx::TensorProto::INT8, {3});
    m.Node("QuantizeLinear", {"x", "s", "z"}, {"q"});
    m.Node("DequantizeLinear", {"q", "s", "z"}, {"y"});
    m.Output("y");
    auto parser = IOnnxParser::Create();
    auto out = RunModel(*parser, parser->CreateNetworkFromBinary(m.Bytes()), {"x"},
                        {{0.25f, 0.75f, 1.25f, -0.25f, -1.25f, 1.75f, std::numeric_limits<float>::infinity(),
                          -std::numeric_limits<float>::infinity()}}, "y");
    EXPECT_EQ(out, (std::vector<float>{0, 1, 1, 0, -1, 2, 62, -65.5f}));
}

TEST(OnnxParser, QdqAddRequantizesHalfToEven)
{
    // DequantizeLinear -> Add -> QuantizeLinear: a = q(1.0, 0.5) with scale 0.5, b = q(0.25, 0.5) with scale 0.25;
    // a + b = 1.25, 1.0 -> / 0.5 = 2.5 (tie: 2), 2 -> dequantized 1.0, 1.0 (half away from zero would give 1.5).
    ModelBuilder m;
    m.Input("x1", {1, 2});
    m.Input("x2", {1, 2});
    m.Init("sa", {}, {0.5f});
    m.Init("sb", {}, {0.25f});
    m.Init("sy", {}, {0.5f});
    m.InitTyped("z", {}, onnx::TensorProto::INT8, {0});
    m.Node("QuantizeLinear", {"x1", "sa", "z"}, {"qa"});
    m.Node("QuantizeLinear", {"x2", "sb", "z"}, {"qb"});
    m.Node("DequantizeLinear", {"qa", "sa", "z"}, {"a"});
    m.Node("DequantizeLinear", {"qb", "sb", "z"}, {"b"});
    m.Node("Add", {"a", "b"}, {"s"});
    m.Node("QuantizeLinear", {"s", "sy", "z"}, {"qs"});
    m.Node("DequantizeLinear", {"qs", "sy", "z"}, {"y"});
    m.Output("y");
    auto parser = IOnnxParser::Create();
    auto out = RunModel(*parser, parser->CreateNetworkFromBinary(m.Bytes()), {"x1", "x2"},
                        {{1.0f, 0.5f}, {0.25f, 0.5f}}, "y");
    EXPECT_EQ(out, (std::vector<float>{1.0f, 1.0f}));
}

TEST(OnnxParser, QdqConvIsComputedOnIntegers)
{
    // x: scale 0.5, zero point 1; weights int8 {2, -1, 3, 1} and {127, 127, 127, 127}, scale 0.25; bias int32
    // {5, 0}, scale 0.125; y: scale 0.2, zero point -2.
    // q(x) for x = 1, -0.5, 2, 0.25: 2, -1, 4, 0 (0.5 is a tie: 0) plus 1 = 3, 0, 5, 1; x - zero point = 2, -1, 4, 0.
    // Channel 0: 2*2 + (-1)(-1) + 4*3 + 0 + 5 = 22; 22 * (0.5 * 0.25 / 0.2) = 13.75 -> 14, - 2 = 12 -> 2.8.
    // Channel 1: 127 * 5 = 635 * 0.625 = 396.875 -> 397 - 2 saturates at 127 -> (127 + 2) * 0.2 = 25.8.
    ModelBuilder m;
    m.Input("x", {1, 1, 2, 2});
    m.Init("sx", {}, {0.5f});
    m.InitTyped("zx", {}, onnx::TensorProto::INT8, {1});
    m.InitTyped("w", {2, 1, 2, 2}, onnx::TensorProto::INT8, {2, -1, 3, 1, 127, 127, 127, 127});
    m.Init("sw", {}, {0.25f});
    m.InitTyped("zw", {}, onnx::TensorProto::INT8, {0});
    m.InitTyped("b", {2}, onnx::TensorProto::INT32, {5, 0});
    m.Init("sb", {}, {0.125f});
    m.InitTyped("zb", {}, onnx::TensorProto::INT32, {0});
    m.Init("sy", {}, {0.2f});
    m.InitTyped("zy", {}, onnx::TensorProto::INT8, {-2});
    m.Node("QuantizeLinear", {"x", "sx", "zx"}, {"qx"});
    m.Node("DequantizeLinear", {"qx", "sx", "zx"}, {"dx"});
    m.Node("DequantizeLinear", {"w", "sw", "zw"}, {"dw"});
    m.Node("DequantizeLinear", {"b", "sb", "zb"}, {"db"});
    m.Node("Conv", {"dx", "dw", "db"}, {"c"}, "conv");
    m.Node("QuantizeLinear", {"c", "sy", "zy"}, {"qc"});
    m.Node("DequantizeLinear", {"qc", "sy", "zy"}, {"y"});
    m.Output("y");
    auto parser = IOnnxParser::Create();
    auto out = RunModel(*parser, parser->CreateNetworkFromBinary(m.Bytes()), {"x"}, {{1.0f, -0.5f, 2.0f, 0.25f}}, "y");
    ASSERT_EQ(out.size(), 2u);
    EXPECT_FLOAT_EQ(out[0], 14 * 0.2f);
    EXPECT_FLOAT_EQ(out[1], 129 * 0.2f);
    // The fused group: the convolution runs on the integers and is requantized, not dequantized in between.
    EXPECT_NE(g_LastDot.find("conv_quantized_grid"), std::string::npos);
    EXPECT_NE(g_LastDot.find("conv_integers"), std::string::npos);
}

TEST(OnnxParser, DequantizeLinearOfAConstantPerAxis)
{
    // int8 [2, 3] with per-row scales 0.5, 0.25 and zero points 0, 1 (axis 0): (q - zp) * scale, added to x = 0.
    ModelBuilder m;
    m.Input("x", {2, 3});
    m.InitTyped("q", {2, 3}, onnx::TensorProto::INT8, {2, -4, 7, 1, 5, -3});
    m.Init("s", {2}, {0.5f, 0.25f});
    m.InitTyped("z", {2}, onnx::TensorProto::INT8, {0, 1});
    ModelBuilder::IntAttr(m.Node("DequantizeLinear", {"q", "s", "z"}, {"d"}), "axis", 0);
    m.Node("Add", {"x", "d"}, {"y"});
    m.Output("y");
    auto parser = IOnnxParser::Create();
    auto out = RunModel(*parser, parser->CreateNetworkFromBinary(m.Bytes()), {"x"}, {std::vector<float>(6, 0.0f)}, "y");
    EXPECT_EQ(out, (std::vector<float>{1.0f, -2.0f, 3.5f, 0.0f, 1.0f, -1.0f}));
}

TEST(OnnxParser, QdqConvWithPerChannelWeights)
{
    // As QdqConvIsComputedOnIntegers, with per-channel weight scales 0.25 and 0.5 (axis 0, zero points 0) and the
    // bias scales x scale * weight scale. x - zero point = 2, -1, 4, 0.
    // Channel 0: weights {2, -1, 3, 1}: 4 + 1 + 12 + 0 + 5 = 22; 22 * (0.5 * 0.25 / 0.2) = 13.75 -> 14, - 2 = 12 -> 2.8.
    // Channel 1: weights {1, 1, 1, 1}: 5 + 0 = 5; 5 * (0.5 * 0.5 / 0.2) = 6.25 -> 6, - 2 = 4 -> (4 + 2) * 0.2 = 1.2
    // (channel 0's scale would give 3.125 -> 3 -> 0.6).
    ModelBuilder m;
    m.Input("x", {1, 1, 2, 2});
    m.Init("sx", {}, {0.5f});
    m.InitTyped("zx", {}, onnx::TensorProto::INT8, {1});
    m.InitTyped("w", {2, 1, 2, 2}, onnx::TensorProto::INT8, {2, -1, 3, 1, 1, 1, 1, 1});
    m.Init("sw", {2}, {0.25f, 0.5f});
    m.InitTyped("zw", {2}, onnx::TensorProto::INT8, {0, 0});
    m.InitTyped("b", {2}, onnx::TensorProto::INT32, {5, 0});
    m.Init("sb", {2}, {0.125f, 0.25f});
    m.InitTyped("zb", {2}, onnx::TensorProto::INT32, {0, 0});
    m.Init("sy", {}, {0.2f});
    m.InitTyped("zy", {}, onnx::TensorProto::INT8, {-2});
    m.Node("QuantizeLinear", {"x", "sx", "zx"}, {"qx"});
    m.Node("DequantizeLinear", {"qx", "sx", "zx"}, {"dx"});
    ModelBuilder::IntAttr(m.Node("DequantizeLinear", {"w", "sw", "zw"}, {"dw"}), "axis", 0);
    ModelBuilder::IntAttr(m.Node("DequantizeLinear", {"b", "sb", "zb"}, {"db"}), "axis", 0);
    m.Node("Conv", {"dx", "dw", "db"}, {"c"}, "conv");
    m.Node("QuantizeLinear", {"c", "sy", "zy"}, {"qc"});
    m.Node("DequantizeLinear", {"qc", "sy", "zy"}, {"y"});
    m.Output("y");
    auto parser = IOnnxParser::Create();
    auto out = RunModel(*parser, parser->CreateNetworkFromBinary(m.Bytes()), {"x"}, {{1.0f, -0.5f, 2.0f, 0.25f}}, "y");
    ASSERT_EQ(out.size(), 2u);
    EXPECT_FLOAT_EQ(out[0], 14 * 0.2f);
    EXPECT_FLOAT_EQ(out[1], 6 * 0.2f);
    EXPECT_NE(g_LastDot.find("conv_quantized_grid"), std::string::npos);
}

TEST(OnnxParser, QdqConvReluFusesWhenTheZeroPointIsTheMinimum)
{
    // Conv -> Relu -> QuantizeLinear with zero point -128: the Relu changes nothing after quantization, so the group
    // fuses (as ONNX Runtime drops the Relu). x - zero point = 2, -1, 4, 0; weights scale 0.25, x scale 0.5, y 0.2.
    // Channel 0: {2, -1, 3, 1}: 4 + 1 + 12 + 0 = 17; 17 * 0.625 = 10.625 -> 11, - 128 = -117 -> 11 * 0.2 = 2.2.
    // Channel 1: {-1, -1, -1, -1}: -5 * 0.625 = -3.125 -> -3 - 128 saturates at -128 -> 0.
    ModelBuilder m;
    m.Input("x", {1, 1, 2, 2});
    m.Init("sx", {}, {0.5f});
    m.InitTyped("zx", {}, onnx::TensorProto::INT8, {1});
    m.InitTyped("w", {2, 1, 2, 2}, onnx::TensorProto::INT8, {2, -1, 3, 1, -1, -1, -1, -1});
    m.Init("sw", {}, {0.25f});
    m.InitTyped("zw", {}, onnx::TensorProto::INT8, {0});
    m.Init("sy", {}, {0.2f});
    m.InitTyped("zy", {}, onnx::TensorProto::INT8, {-128});
    m.Node("QuantizeLinear", {"x", "sx", "zx"}, {"qx"});
    m.Node("DequantizeLinear", {"qx", "sx", "zx"}, {"dx"});
    m.Node("DequantizeLinear", {"w", "sw", "zw"}, {"dw"});
    m.Node("Conv", {"dx", "dw"}, {"c"}, "conv");
    m.Node("Relu", {"c"}, {"r"});
    m.Node("QuantizeLinear", {"r", "sy", "zy"}, {"qr"});
    m.Node("DequantizeLinear", {"qr", "sy", "zy"}, {"y"});
    m.Output("y");
    auto parser = IOnnxParser::Create();
    auto out = RunModel(*parser, parser->CreateNetworkFromBinary(m.Bytes()), {"x"}, {{1.0f, -0.5f, 2.0f, 0.25f}}, "y");
    ASSERT_EQ(out.size(), 2u);
    EXPECT_FLOAT_EQ(out[0], 11 * 0.2f);
    EXPECT_FLOAT_EQ(out[1], 0.0f);
    EXPECT_NE(g_LastDot.find("conv_quantized_grid"), std::string::npos);
}

TEST(OnnxParser, QdqMatMulWithUint8Activations)
{
    // x = 1, -1.5 with scale 0.5 and uint8 zero point 10: 12, 7, centred 2, -3. Weights int8 [[1, 2], [3, 4]],
    // scale 0.5: sums -7, -8; multiplier 0.5 * 0.5 / 0.25 = 1 -> -7, -8 (int8, scale 0.25) -> -1.75, -2.
    ModelBuilder m;
    m.Input("x", {1, 2});
    m.Init("sx", {}, {0.5f});
    m.InitTyped("zx", {}, onnx::TensorProto::UINT8, {10});
    m.InitTyped("w", {2, 2}, onnx::TensorProto::INT8, {1, 2, 3, 4});
    m.Init("sw", {}, {0.5f});
    m.InitTyped("zw", {}, onnx::TensorProto::INT8, {0});
    m.Init("sy", {}, {0.25f});
    m.InitTyped("zy", {}, onnx::TensorProto::INT8, {0});
    m.Node("QuantizeLinear", {"x", "sx", "zx"}, {"qx"});
    m.Node("DequantizeLinear", {"qx", "sx", "zx"}, {"dx"});
    m.Node("DequantizeLinear", {"w", "sw", "zw"}, {"dw"});
    m.Node("MatMul", {"dx", "dw"}, {"p"}, "mm");
    m.Node("QuantizeLinear", {"p", "sy", "zy"}, {"qp"});
    m.Node("DequantizeLinear", {"qp", "sy", "zy"}, {"y"});
    m.Output("y");
    auto parser = IOnnxParser::Create();
    auto out = RunModel(*parser, parser->CreateNetworkFromBinary(m.Bytes()), {"x"}, {{1.0f, -1.5f}}, "y");
    EXPECT_EQ(out, (std::vector<float>{-1.75f, -2.0f}));
    EXPECT_NE(g_LastDot.find("mm_quantized_grid"), std::string::npos);
}

TEST(OnnxParser, QLinearConvPerChannelRoundsHalfToEvenAndSaturates)
{
    // x = 1, -0.5, 2, 0.25 quantized with scale 0.5, uint8 zero point 10: 12, 9, 14, 10 (0.5 is a tie: 0);
    // centred 2, -1, 4, 0. Weights int8 per output channel: {2, -1, 3, 1} zero point 1 (centred 1, -2, 2, 0), scale
    // 0.25; {127, 127, 127, 127} zero point 0, scale 0.5. Bias int32 {5, 0}. y: scale 0.25, uint8 zero point 100.
    // Channel 0: 2 + 2 + 8 + 0 + 5 = 17; 17 * (0.5 * 0.25 / 0.25) = 8.5 -> 8 (tie, even), + 100 = 108 -> 2.0.
    // Channel 1: 127 * 5 = 635 * (0.5 * 0.5 / 0.25) = 635, + 100 saturates at 255 -> (255 - 100) * 0.25 = 38.75.
    ModelBuilder m;
    m.Input("x", {1, 1, 2, 2});
    m.Init("sx", {}, {0.5f});
    m.InitTyped("zx", {}, onnx::TensorProto::UINT8, {10});
    m.InitTyped("w", {2, 1, 2, 2}, onnx::TensorProto::INT8, {2, -1, 3, 1, 127, 127, 127, 127});
    m.Init("sw", {2}, {0.25f, 0.5f});
    m.InitTyped("zw", {2}, onnx::TensorProto::INT8, {1, 0});
    m.InitTyped("b", {2}, onnx::TensorProto::INT32, {5, 0});
    m.Init("sy", {}, {0.25f});
    m.InitTyped("zy", {}, onnx::TensorProto::UINT8, {100});
    m.Node("QuantizeLinear", {"x", "sx", "zx"}, {"qx"});
    m.Node("QLinearConv", {"qx", "sx", "zx", "w", "sw", "zw", "sy", "zy", "b"}, {"qc"}, "qconv");
    m.Node("DequantizeLinear", {"qc", "sy", "zy"}, {"y"});
    m.Output("y");
    auto parser = IOnnxParser::Create();
    armnn::TensorShape shape;
    auto out = RunModel(*parser, parser->CreateNetworkFromBinary(m.Bytes()), {"x"}, {{1.0f, -0.5f, 2.0f, 0.25f}}, "y",
                        &shape);
    EXPECT_EQ(shape, armnn::TensorShape({1, 2, 1, 1}));
    EXPECT_EQ(out, (std::vector<float>{2.0f, 38.75f}));
    EXPECT_NE(g_LastDot.find("qconv_integers"), std::string::npos);
}

TEST(OnnxParser, QLinearMatMulPerColumnInt8)
{
    // a = 1, -1.5 quantized with scale 0.5, int8 zero point 0: 2, -3. b int8 [[1, 3], [3, 6]], per column scales
    // {0.5, 0.25} and zero points {0, 2}: columns centred {1, 3} and {1, 4}. y: scale 0.5, int8 zero point -125.
    // Column 0: 2 - 9 = -7; * (0.5 * 0.5 / 0.5) = -3.5 -> -4, - 125 saturates at -128 -> (-128 + 125) * 0.5 = -1.5.
    // Column 1: 2 - 12 = -10; * (0.5 * 0.25 / 0.5) = -2.5 -> -2 (tie, even), -127 -> -1.0 (half away: -1.5).
    ModelBuilder m;
    m.Input("a", {1, 2});
    m.Init("sa", {}, {0.5f});
    m.InitTyped("za", {}, onnx::TensorProto::INT8, {0});
    m.InitTyped("b", {2, 2}, onnx::TensorProto::INT8, {1, 3, 3, 6});
    m.Init("sb", {2}, {0.5f, 0.25f});
    m.InitTyped("zb", {2}, onnx::TensorProto::INT8, {0, 2});
    m.Init("sy", {}, {0.5f});
    m.InitTyped("zy", {}, onnx::TensorProto::INT8, {-125});
    m.Node("QuantizeLinear", {"a", "sa", "za"}, {"qa"});
    m.Node("QLinearMatMul", {"qa", "sa", "za", "b", "sb", "zb", "sy", "zy"}, {"qp"}, "qmm");
    m.Node("DequantizeLinear", {"qp", "sy", "zy"}, {"y"});
    m.Output("y");
    auto parser = IOnnxParser::Create();
    auto out = RunModel(*parser, parser->CreateNetworkFromBinary(m.Bytes()), {"a"}, {{1.0f, -1.5f}}, "y");
    EXPECT_EQ(out, (std::vector<float>{-1.5f, -1.0f}));
}

TEST(OnnxParser, QLinearMatMulWithRunTimeScale)
{
    // QLinearMatMulPerColumnInt8 with y_scale (0.5) a graph input: the run-time path gives the same integers,
    // -128 (saturated) and -127 (tie -2.5 -> -2), read through a Cast to float.
    ModelBuilder m;
    m.Input("a", {1, 2});
    m.Input("sy", {1});
    m.Init("sa", {}, {0.5f});
    m.InitTyped("za", {}, onnx::TensorProto::INT8, {0});
    m.InitTyped("b", {2, 2}, onnx::TensorProto::INT8, {1, 3, 3, 6});
    m.Init("sb", {2}, {0.5f, 0.25f});
    m.InitTyped("zb", {2}, onnx::TensorProto::INT8, {0, 2});
    m.InitTyped("zy", {}, onnx::TensorProto::INT8, {-125});
    m.Node("QuantizeLinear", {"a", "sa", "za"}, {"qa"});
    m.Node("QLinearMatMul", {"qa", "sa", "za", "b", "sb", "zb", "sy", "zy"}, {"qp"}, "qmm");
    ModelBuilder::IntAttr(m.Node("Cast", {"qp"}, {"y"}), "to", onnx::TensorProto::FLOAT);
    m.Output("y");
    auto parser = IOnnxParser::Create();
    auto out = RunModel(*parser, parser->CreateNetworkFromBinary(m.Bytes()), {"a", "sy"}, {{1.0f, -1.5f}, {0.5f}}, "y");
    EXPECT_EQ(out, (std::vector<float>{-128.0f, -127.0f}));
    EXPECT_NE(g_LastDot.find("qmm_multiplier"), std::string::npos); // the multiplier is computed in the network
}

TEST(OnnxParser, MatMulIntegerPerColumnZeroPoints)
{
    // a = 3, 200 (uint8), zero point 3: 0, 197. b uint8 [[1, 2], [3, 4]] with column zero points {1, 0}: columns
    // {0, 2} and {2, 4}. Sums: 394, 788 (int32, cast to float to read them).
    ModelBuilder m;
    m.Input("x", {1, 2});
    m.Init("one", {}, {1.0f});
    m.InitTyped("z0", {}, onnx::TensorProto::UINT8, {0});
    m.InitTyped("b", {2, 2}, onnx::TensorProto::UINT8, {1, 2, 3, 4});
    m.InitTyped("za", {}, onnx::TensorProto::UINT8, {3});
    m.InitTyped("zb", {2}, onnx::TensorProto::UINT8, {1, 0});
    m.Node("QuantizeLinear", {"x", "one", "z0"}, {"a"});
    m.Node("MatMulInteger", {"a", "b", "za", "zb"}, {"p"}, "mmi");
    ModelBuilder::IntAttr(m.Node("Cast", {"p"}, {"y"}), "to", onnx::TensorProto::FLOAT);
    m.Output("y");
    auto parser = IOnnxParser::Create();
    auto out = RunModel(*parser, parser->CreateNetworkFromBinary(m.Bytes()), {"x"}, {{3.0f, 200.0f}}, "y");
    EXPECT_EQ(out, (std::vector<float>{394.0f, 788.0f}));
}

TEST(OnnxParser, QLinearMatMulOnFloatIsUnsupported)
{
    ModelBuilder m;
    m.Input("a", {1, 2});
    m.Init("b", {2, 2}, {1, 2, 3, 4});
    m.Init("s", {}, {0.5f});
    m.InitTyped("z", {}, onnx::TensorProto::UINT8, {0});
    m.Node("QLinearMatMul", {"a", "s", "z", "b", "s", "z", "s", "z"}, {"y"}, "qmm");
    m.Output("y");
    auto parser = IOnnxParser::Create();
    ExpectParseError([&] { parser->CreateNetworkFromBinary(m.Bytes()); },
                     {"'qmm'", "QLinearMatMul", "'a'", "int8 and uint8 only"});
}

TEST(OnnxParser, QdqConvThatCannotFuseRunsInFloat)
{
    // Float weights and no QuantizeLinear after the Conv: the DequantizeLinear held back for a possible group is
    // converted after all. q(x / 0.5) = 2, 4, 6, 8 (8.5 is a tie: 8) -> 1, 2, 3, 4, summed by the 2x2 kernel: 10.
    ModelBuilder m;
    m.Input("x", {1, 1, 2, 2});
    m.Init("s", {}, {0.5f});
    m.InitTyped("z", {}, onnx::TensorProto::INT8, {0});
    m.Init("w", {1, 1, 2, 2}, {1, 1, 1, 1});
    m.Node("QuantizeLinear", {"x", "s", "z"}, {"q"});
    m.Node("DequantizeLinear", {"q", "s", "z"}, {"d"});
    m.Node("Conv", {"d", "w"}, {"y"});
    m.Output("y");
    auto parser = IOnnxParser::Create();
    auto out = RunModel(*parser, parser->CreateNetworkFromBinary(m.Bytes()), {"x"}, {{1.0f, 2.0f, 3.0f, 4.25f}}, "y");
    EXPECT_EQ(out, (std::vector<float>{10.0f}));
}

TEST(OnnxParser, TopKWithConstantKAndRoiAlign)
{
    // TopK, K = 2 along axis 1 of [[1, 5, 3], [6, 2, 4]]: [[5, 3], [6, 4]]. RoiAlign (opset 16: half_pixel) on a
    // 1x1x2x2 map [[0, 1], [2, 3]] with roi (0.5, 0.5, 1.5, 1.5) -> (0, 0, 1, 1), one bin, one sample at (0.5, 0.5):
    // the mean of the four values, 1.5.
    ModelBuilder m(16);
    m.Input("x", {2, 3});
    m.InitInts("k", {2});
    auto* topk = m.Node("TopK", {"x", "k"}, {"values", "indices"}, "topk");
    ModelBuilder::IntAttr(topk, "axis", 1);
    m.Output("values");
    m.Input("map", {1, 1, 2, 2});
    m.Init("rois", {1, 4}, {0.5f, 0.5f, 1.5f, 1.5f});
    m.InitInts("batch", {0});
    auto* roi = m.Node("RoiAlign", {"map", "rois", "batch"}, {"pooled"}, "roialign");
    ModelBuilder::IntAttr(roi, "sampling_ratio", 1);
    m.Output("pooled");
    auto parser = IOnnxParser::Create();
    armnn::INetworkPtr net = parser->CreateNetworkFromBinary(m.Bytes());
    armnn::IRuntimePtr runtime = armnn::IRuntime::Create(armnn::IRuntime::CreationOptions());
    armnn::NetworkId id;
    ASSERT_EQ(runtime->LoadNetwork(id, armnn::Optimize(*net, {armnn::BackendId("CpuRef")}, runtime->GetDeviceSpec())),
              armnn::Status::Success);
    std::vector<float> x = {1, 5, 3, 6, 2, 4};
    std::vector<float> map = {0, 1, 2, 3};
    auto xb = parser->GetNetworkInputBindingInfo("x");
    auto mb = parser->GetNetworkInputBindingInfo("map");
    xb.second.SetConstant(true);
    mb.second.SetConstant(true);
    std::vector<float> values(4);
    std::vector<float> pooled(1);
    auto vb = parser->GetNetworkOutputBindingInfo("values");
    auto pb = parser->GetNetworkOutputBindingInfo("pooled");
    EXPECT_EQ(vb.second.GetShape(), armnn::TensorShape({2, 2}));
    EXPECT_EQ(pb.second.GetShape(), armnn::TensorShape({1, 1, 1, 1}));
    ASSERT_EQ(runtime->EnqueueWorkload(id, {{xb.first, armnn::ConstTensor(xb.second, x.data())},
                                            {mb.first, armnn::ConstTensor(mb.second, map.data())}},
                                       {{vb.first, armnn::Tensor(vb.second, values.data())},
                                        {pb.first, armnn::Tensor(pb.second, pooled.data())}}),
              armnn::Status::Success);
    EXPECT_EQ(values, (std::vector<float>{5, 3, 6, 4}));
    EXPECT_EQ(pooled, (std::vector<float>{1.5f}));
}

TEST(OnnxParser, LrnDividesAlphaBySizeAndLpPoolSumsPowers)
{
    // LRN size 3, alpha 3 (1 per element once divided by the size), beta 1, bias 1 on channels [1, 2, 3]:
    // 1 / (1 + 1 + 4) = 1/6, 2 / (1 + 1 + 4 + 9) = 2/15, 3 / (1 + 4 + 9) = 3/14.
    ModelBuilder m(13);
    m.Input("x", {1, 3, 1, 1});
    auto* lrn = m.Node("LRN", {"x"}, {"y"}, "lrn");
    ModelBuilder::IntAttr(lrn, "size", 3);
    for (auto [name, value] : {std::pair<const char*, float>{"alpha", 3.0f}, {"beta", 1.0f}, {"bias", 1.0f}})
    {
        auto* a = lrn->add_attribute();
        a->set_name(name);
        a->set_type(onnx::AttributeProto::FLOAT);
        a->set_f(value);
    }
    m.Output("y");
    auto parser = IOnnxParser::Create();
    std::vector<float> y = RunModel(*parser, parser->CreateNetworkFromBinary(m.Bytes()), {"x"}, {{1, 2, 3}}, "y");
    ASSERT_EQ(y.size(), 3u);
    EXPECT_NEAR(y[0], 1.0f / 6.0f, 1e-6f);
    EXPECT_NEAR(y[1], 2.0f / 15.0f, 1e-6f);
    EXPECT_NEAR(y[2], 3.0f / 14.0f, 1e-6f);

    // LpPool p = 2, 1-D kernel 2 over [3, -4, 0]: sqrt(9 + 16) = 5, sqrt(16 + 0) = 4.
    ModelBuilder m2(18);
    m2.Input("x", {1, 1, 3});
    auto* pool = m2.Node("LpPool", {"x"}, {"y"}, "lppool");
    ModelBuilder::IntsAttr(pool, "kernel_shape", {2});
    m2.Output("y");
    armnn::TensorShape shape;
    std::vector<float> p = RunModel(*parser, parser->CreateNetworkFromBinary(m2.Bytes()), {"x"}, {{3, -4, 0}}, "y",
                                    &shape);
    EXPECT_EQ(shape, armnn::TensorShape({1, 1, 2}));
    ASSERT_EQ(p.size(), 2u);
    EXPECT_NEAR(p[0], 5.0f, 1e-5f);
    EXPECT_NEAR(p[1], 4.0f, 1e-5f);
}

TEST(OnnxParser, CumSumReverseExclusiveAndInclusive)
{
    // Along axis 1 of [[1, 2, 3, 4, 5], [5, 4, 3, 2, 1]] (n = 5: shifts of 1, 2 and 4):
    // reverse exclusive y[i] = sum of x[j > i]: [14, 12, 9, 5, 0] and [10, 6, 3, 1, 0]; inclusive: [1, 3, 6, 10, 15].
    for (const bool reverseExclusive : {true, false})
    {
        ModelBuilder m(14);
        m.Input("x", {2, 5});
        m.InitInts("axis", {1});
        auto* n = m.Node("CumSum", {"x", "axis"}, {"y"}, "cumsum");
        ModelBuilder::IntAttr(n, "reverse", reverseExclusive);
        ModelBuilder::IntAttr(n, "exclusive", reverseExclusive);
        m.Output("y");
        auto parser = IOnnxParser::Create();
        const std::vector<float> y = RunModel(*parser, parser->CreateNetworkFromBinary(m.Bytes()), {"x"},
                                              {{1, 2, 3, 4, 5, 5, 4, 3, 2, 1}}, "y");
        const std::vector<float> expected = reverseExclusive
                                                ? std::vector<float>{14, 12, 9, 5, 0, 10, 6, 3, 1, 0}
                                                : std::vector<float>{1, 3, 6, 10, 15, 5, 9, 12, 14, 15};
        EXPECT_EQ(y, expected);
    }
}

TEST(OnnxParser, RotaryEmbeddingHalvesAndInterleavedAndBitwiseNot)
{
    // One head of size 4, cos = [0, 1], sin = [1, 0], x = [1, 2, 3, 4]. Halves: x1 = [1, 2], x2 = [3, 4]:
    // real = cos x1 - sin x2 = [-3, 2], imag = sin x1 + cos x2 = [1, 4] -> [-3, 2, 1, 4]. Interleaved: x1 = [1, 3],
    // x2 = [2, 4]: real = [-2, 3], imag = [1, 4] -> [-2, 1, 3, 4].
    for (const bool interleaved : {false, true})
    {
        ModelBuilder m(23);
        m.Input("x", {1, 1, 1, 4});
        m.Init("cos", {1, 1, 2}, {0, 1});
        m.Init("sin", {1, 1, 2}, {1, 0});
        auto* n = m.Node("RotaryEmbedding", {"x", "cos", "sin"}, {"y"}, "rope");
        ModelBuilder::IntAttr(n, "interleaved", interleaved);
        m.Output("y");
        auto parser = IOnnxParser::Create();
        const std::vector<float> y = RunModel(*parser, parser->CreateNetworkFromBinary(m.Bytes()), {"x"},
                                              {{1, 2, 3, 4}}, "y");
        const std::vector<float> expected = interleaved ? std::vector<float>{-2, 1, 3, 4}
                                                        : std::vector<float>{-3, 2, 1, 4};
        EXPECT_EQ(y, expected);
    }

    // BitwiseNot of uint8 [0, 5, 255] (folded as a constant here): [255, 250, 0]; run through Cast to float so
    // that RunModel reads it.
    ModelBuilder m(18);
    m.InitTyped("c", {3}, onnx::TensorProto::UINT8, {0, 5, 255});
    m.Input("x", {3});
    m.Node("BitwiseNot", {"c"}, {"n"}, "not");
    auto* cast = m.Node("Cast", {"n"}, {"f"}, "cast");
    ModelBuilder::IntAttr(cast, "to", onnx::TensorProto::FLOAT);
    m.Node("Add", {"f", "x"}, {"y"}, "add");
    m.Output("y");
    auto parser = IOnnxParser::Create();
    EXPECT_EQ(RunModel(*parser, parser->CreateNetworkFromBinary(m.Bytes()), {"x"}, {{0, 0, 0}}, "y"),
              (std::vector<float>{255, 250, 0}));
}

TEST(OnnxParser, BitShiftWrapsLeftShiftsOfUint8)
{
    // uint8 x = [200, 3, 255], y = [1, 7, 8]: left 400 mod 256 = 144, 384 mod 256 = 128, a shift by the full width
    // gives 0; right 100, 0, 0. The operands are constants (the network still computes), read through a float Cast.
    for (const std::string direction : {"LEFT", "RIGHT"})
    {
        ModelBuilder m(11);
        m.InitTyped("a", {3}, onnx::TensorProto::UINT8, {200, 3, 255});
        m.InitTyped("b", {3}, onnx::TensorProto::UINT8, {1, 7, 8});
        m.Input("x", {3});
        auto* n = m.Node("BitShift", {"a", "b"}, {"s"}, "shift");
        auto* attr = n->add_attribute();
        attr->set_name("direction");
        attr->set_type(onnx::AttributeProto::STRING);
        attr->set_s(direction);
        auto* cast = m.Node("Cast", {"s"}, {"f"}, "cast");
        ModelBuilder::IntAttr(cast, "to", onnx::TensorProto::FLOAT);
        m.Node("Add", {"f", "x"}, {"y"}, "add");
        m.Output("y");
        auto parser = IOnnxParser::Create();
        const std::vector<float> expected = direction == "LEFT" ? std::vector<float>{144, 128, 0}
                                                                : std::vector<float>{100, 0, 0};
        EXPECT_EQ(RunModel(*parser, parser->CreateNetworkFromBinary(m.Bytes()), {"x"}, {{0, 0, 0}}, "y"), expected)
            << direction;
    }
}

TEST(OnnxParser, ReverseSequenceTimeMajor)
{
    // x[t, b] = [[0, 1], [2, 3], [4, 5]], lengths [2, 3]: batch 0 (0, 2, 4) reverses its first two -> (2, 0, 4),
    // batch 1 (1, 3, 5) all three -> (5, 3, 1).
    ModelBuilder m(10);
    m.Input("x", {3, 2});
    m.InitInts("lens", {2, 3});
    m.Node("ReverseSequence", {"x", "lens"}, {"y"}, "reverse");
    m.Output("y");
    auto parser = IOnnxParser::Create();
    EXPECT_EQ(RunModel(*parser, parser->CreateNetworkFromBinary(m.Bytes()), {"x"}, {{0, 1, 2, 3, 4, 5}}, "y"),
              (std::vector<float>{2, 5, 0, 3, 4, 1}));
}

TEST(OnnxParserErrors, TopKWithRunTimeKNeedsADeclaredOutputShape)
{
    ModelBuilder m(13);
    m.Input("x", {4});
    m.Input("k", {1}, onnx::TensorProto::INT64);
    m.Node("TopK", {"x", "k"}, {"values", "indices"}, "topk");
    m.Output("values");
    auto parser = IOnnxParser::Create();
    ExpectParseError([&] { parser->CreateNetworkFromBinary(m.Bytes()); },
                     {"'topk'", "TopK", "tensor 'k'", "unsupported", "K must be known when parsing"});

    // Declared [2]: K is fixed to 2 and checked at run time.
    m.graph->mutable_output(0)->mutable_type()->mutable_tensor_type()->mutable_shape()->add_dim()->set_dim_value(2);
    armnn::INetworkPtr net = parser->CreateNetworkFromBinary(m.Bytes());
    EXPECT_EQ(parser->GetNetworkOutputBindingInfo("values").second.GetShape(), armnn::TensorShape({2}));
}

TEST(OnnxParserErrors, NonMaxSuppressionSaysWhy)
{
    ModelBuilder m(13);
    m.Input("boxes", {1, 3, 4});
    m.Input("scores", {1, 1, 3});
    m.Node("NonMaxSuppression", {"boxes", "scores"}, {"selected"}, "nms");
    m.Output("selected");
    auto parser = IOnnxParser::Create();
    ExpectParseError([&] { parser->CreateNetworkFromBinary(m.Bytes()); },
                     {"'nms'", "unsupported", "NonMaxSuppression", "depends on the input values"});
}

TEST(OnnxParser, TextFormatAndBindingInfo)
{
    ModelBuilder m;
    m.Input("x", {2});
    m.Node("Neg", {"x"}, {"y"});
    m.Output("y");
    auto parser = IOnnxParser::Create();
    auto net = parser->CreateNetworkFromString(m.model.DebugString());
    EXPECT_EQ(parser->GetNetworkInputBindingInfo("x").first, 0);
    EXPECT_EQ(parser->GetNetworkOutputBindingInfo("y").second.GetShape(), armnn::TensorShape({2}));
    ExpectParseError([&] { parser->GetNetworkInputBindingInfo("nope"); }, {"'nope'"});
    EXPECT_EQ(RunModel(*parser, std::move(net), {"x"}, {{1, -2}}, "y"), (std::vector<float>{-1, 2}));
}

// ----- Untrusted files -----

TEST(OnnxParserErrors, MalformedProtobuf)
{
    auto parser = IOnnxParser::Create();
    ExpectParseError([&] { parser->CreateNetworkFromBinary({0xff, 0xff, 0xff, 0x0f, 0x12}); }, {"protobuf"});
    ExpectParseError([&] { parser->CreateNetworkFromString("graph { node { "); }, {"text"});
    EXPECT_THROW(parser->CreateNetworkFromBinaryFile("/nonexistent/model.onnx"), armnn::FileNotFoundException);
}

TEST(OnnxParserErrors, MissingInitializerNamesNodeOperatorAndTensor)
{
    ModelBuilder m;
    m.Input("x", {1, 1, 2, 2});
    m.Node("Conv", {"x", "weights_missing"}, {"y"}, "conv1");
    m.Output("y");
    auto parser = IOnnxParser::Create();
    ExpectParseError([&] { parser->CreateNetworkFromBinary(m.Bytes()); }, {"'conv1'", "Conv", "'weights_missing'"});
}

TEST(OnnxParserErrors, DanglingGraphOutput)
{
    ModelBuilder m;
    m.Input("x", {2});
    m.Node("Relu", {"x"}, {"y"});
    m.Output("z");
    auto parser = IOnnxParser::Create();
    ExpectParseError([&] { parser->CreateNetworkFromBinary(m.Bytes()); }, {"'z'"});
}

TEST(OnnxParserErrors, Cycle)
{
    ModelBuilder m;
    m.Input("x", {2});
    m.Node("Add", {"x", "b"}, {"a"}, "first");
    m.Node("Relu", {"a"}, {"b"}, "second");
    m.Output("b");
    auto parser = IOnnxParser::Create();
    ExpectParseError([&] { parser->CreateNetworkFromBinary(m.Bytes()); }, {"cycle", "Add"});
}

TEST(OnnxParserErrors, HugeDimensions)
{
    ModelBuilder m;
    m.Input("x", {1 << 20, 1 << 20});
    m.Node("Relu", {"x"}, {"y"});
    m.Output("y");
    auto parser = IOnnxParser::Create();
    ExpectParseError([&] { parser->CreateNetworkFromBinary(m.Bytes()); }, {"'x'", "too many elements"});

    ModelBuilder m2;
    m2.Input("x", {2});
    auto* t = m2.graph->add_initializer();
    t->set_name("big");
    t->set_data_type(onnx::TensorProto::FLOAT);
    t->add_dims(int64_t(1) << 40);
    m2.Node("Add", {"x", "big"}, {"y"});
    m2.Output("y");
    ExpectParseError([&] { parser->CreateNetworkFromBinary(m2.Bytes()); }, {"'big'", "out of range"});
}

TEST(OnnxParserErrors, InitializerDataDoesNotMatchItsDims)
{
    ModelBuilder m;
    m.Input("x", {4});
    m.Init("w", {4}, {1, 2, 3});
    m.Node("Add", {"x", "w"}, {"y"});
    m.Output("y");
    auto parser = IOnnxParser::Create();
    ExpectParseError([&] { parser->CreateNetworkFromBinary(m.Bytes()); }, {"'w'", "3 values"});
}

TEST(OnnxParserErrors, UnsupportedOperatorAndWrongAttributes)
{
    ModelBuilder m;
    m.Input("x", {2});
    m.Node("Einsum", {"x"}, {"y"}, "e1");
    m.Output("y");
    auto parser = IOnnxParser::Create();
    ExpectParseError([&] { parser->CreateNetworkFromBinary(m.Bytes()); }, {"'e1'", "unsupported", "Einsum"});

    ModelBuilder m2;
    m2.Input("x", {2, 3});
    auto* n = m2.Node("Transpose", {"x"}, {"y"}, "t1");
    ModelBuilder::IntsAttr(n, "perm", {0, 0});
    m2.Output("y");
    ExpectParseError([&] { parser->CreateNetworkFromBinary(m2.Bytes()); }, {"'t1'", "Transpose", "perm"});
}

TEST(OnnxParserErrors, FuzzerRegressionsParseOrThrow)
{
    // Inputs the fuzzer (parsers/onnx/fuzz) once crashed on: each must parse, optimize and load, or throw an
    // armnn::Exception. The sanitizer build of scripts/test.sh checks them for undefined behaviour.
    size_t count = 0;
    for (const auto& entry : fs::directory_iterator(ARMNN_ONNX_FUZZ_REGRESSIONS))
    {
        std::ifstream file(entry.path(), std::ios::binary);
        const std::vector<uint8_t> bytes((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
        try
        {
            auto parser = IOnnxParser::Create();
            armnn::INetworkPtr net = parser->CreateNetworkFromBinary(bytes);
            armnn::IRuntimePtr runtime = armnn::IRuntime::Create(armnn::IRuntime::CreationOptions());
            armnn::Optimize(*net, {armnn::BackendId("CpuRef")}, runtime->GetDeviceSpec());
        }
        catch (const armnn::Exception&)
        {
        }
        ++count;
    }
    EXPECT_GT(count, 0u);
}

class ExternalData : public ::testing::Test
{
protected:
    void SetUp() override
    {
        m_Dir = fs::temp_directory_path() / ("onnx_ext_" + std::to_string(::getpid()));
        fs::remove_all(m_Dir);
        fs::create_directories(m_Dir / "model");
        std::ofstream(m_Dir / "model" / "weights.bin", std::ios::binary).write("\0\0\0\0\0\0\x80\x3f", 8); // 0, 1
        std::ofstream(m_Dir / "secret.bin", std::ios::binary).write("\0\0\0\0\0\0\x80\x3f", 8);
        fs::create_symlink(m_Dir / "secret.bin", m_Dir / "model" / "link.bin");
    }
    void TearDown() override { fs::remove_all(m_Dir); }

    std::string Write(const std::string& location, const std::string& offset, const std::string& length)
    {
        ModelBuilder m;
        m.Input("x", {2});
        auto* t = m.graph->add_initializer();
        t->set_name("w");
        t->set_data_type(onnx::TensorProto::FLOAT);
        t->add_dims(2);
        t->set_data_location(onnx::TensorProto::EXTERNAL);
        auto add = [&](const std::string& k, const std::string& v) {
            if (v.empty()) return;
            auto* e = t->add_external_data();
            e->set_key(k);
            e->set_value(v);
        };
        add("location", location);
        add("offset", offset);
        add("length", length);
        m.Node("Add", {"x", "w"}, {"y"});
        m.Output("y");
        const std::string path = (m_Dir / "model" / "model.onnx").string();
        std::ofstream(path, std::ios::binary) << m.model.SerializeAsString();
        m_Bytes = m.Bytes();
        return path;
    }

    fs::path m_Dir;
    std::vector<uint8_t> m_Bytes;
};

TEST_F(ExternalData, LoadsInsideTheModelFolder)
{
    auto parser = IOnnxParser::Create();
    const std::string path = Write("weights.bin", "0", "8");
    auto out = RunModel(*parser, parser->CreateNetworkFromBinaryFile(path.c_str()), {"x"}, {{5, 5}}, "y");
    EXPECT_EQ(out, (std::vector<float>{5, 6}));
}

TEST_F(ExternalData, RefusesEverythingElse)
{
    auto parser = IOnnxParser::Create();
    std::string path = Write("weights.bin", "", "");
    ExpectParseError([&] { parser->CreateNetworkFromBinary(m_Bytes); }, {"'w'", "external data"});
    path = Write("../secret.bin", "", "");
    ExpectParseError([&] { parser->CreateNetworkFromBinaryFile(path.c_str()); }, {"'w'", "leaves"});
    path = Write((m_Dir / "secret.bin").string(), "", "");
    ExpectParseError([&] { parser->CreateNetworkFromBinaryFile(path.c_str()); }, {"'w'", "relative"});
    path = Write("link.bin", "", "");
    ExpectParseError([&] { parser->CreateNetworkFromBinaryFile(path.c_str()); }, {"'w'", "outside"});
    path = Write("weights.bin", "4", "8");
    ExpectParseError([&] { parser->CreateNetworkFromBinaryFile(path.c_str()); }, {"'w'", "offset"});
    path = Write("weights.bin", "0", "4");
    ExpectParseError([&] { parser->CreateNetworkFromBinaryFile(path.c_str()); }, {"'w'", "length"});
    path = Write("weights.bin", "-1", "");
    ExpectParseError([&] { parser->CreateNetworkFromBinaryFile(path.c_str()); }, {"'w'", "offset"});
    path = Write("missing.bin", "", "");
    ExpectParseError([&] { parser->CreateNetworkFromBinaryFile(path.c_str()); }, {"'w'", "does not exist"});
}

} // namespace
