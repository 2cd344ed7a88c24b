//
// OnnxConformance: runs every case of the ONNX backend node tests through armnnOnnxParser and CpuRef.
//
//   OnnxConformance [--dir <onnx>/backend/test/data/node] [--filter substring] [--min-pass N] [--report file.md]
//                   [--verbose]
//
// Each case (model.onnx with test_data_set_*/input_*.pb and output_*.pb) ends as pass, fail or unsupported:
// unsupported when the parser refuses the model as unsupported or Optimize finds no backend for a layer; fail for
// any other error or for outputs that differ from the expected ones (rtol 1e-3, atol 1e-7). Everything runs in
// this process; exceptions of every kind are caught, and a fatal signal names the case before the process dies.
// Exit status: 0, or 1 when fewer than --min-pass cases pass, or 77 (skipped) when the test data is missing.
//
#include <armnn/ArmNN.hpp>
#include <armnnOnnxParser/IOnnxParser.hpp>
#include <armnn/backends/TensorConversion.hpp>

#include <onnx/onnx_pb.h>

#include <algorithm>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <unistd.h>
#include <vector>

namespace fs = std::filesystem;

namespace
{

enum class Outcome { Pass, Fail, Unsupported };

struct CaseResult
{
    std::string name;
    Outcome outcome;
    std::string detail;
};

char g_CurrentCase[512] = "";

void OnFatalSignal(int sig)
{
    const char prefix[] = "\nOnnxConformance: CRASH (fatal signal) in case ";
    (void)!write(2, prefix, sizeof(prefix) - 1);
    (void)!write(2, g_CurrentCase, strnlen(g_CurrentCase, sizeof(g_CurrentCase)));
    (void)!write(2, "\n", 1);
    std::signal(sig, SIG_DFL);
    std::raise(sig);
}

std::string ReadAll(const fs::path& p)
{
    std::ifstream in(p, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

struct Unsupported : std::runtime_error
{
    using std::runtime_error::runtime_error;
};

using armnn::HalfToFloat;

/// Values of a TensorProto as doubles (integer types exactly up to 2^53).
std::vector<double> TensorValues(const onnx::TensorProto& t)
{
    using TP = onnx::TensorProto;
    std::vector<double> v;
    size_t n = 1;
    for (auto d : t.dims()) n *= static_cast<size_t>(d);
    if (t.has_raw_data())
    {
        const auto* p = reinterpret_cast<const uint8_t*>(t.raw_data().data());
        auto get = [&](auto tag, size_t i) {
            decltype(tag) x;
            std::memcpy(&x, p + i * sizeof(x), sizeof(x));
            return x;
        };
        size_t es = 0;
        switch (t.data_type())
        {
            case TP::FLOAT: case TP::INT32: case TP::UINT32: es = 4; break;
            case TP::INT16: case TP::UINT16: es = 2; break;
            case TP::DOUBLE: case TP::INT64: es = 8; break;
            case TP::FLOAT16: es = 2; break;
            case TP::UINT8: case TP::INT8: case TP::BOOL: es = 1; break;
            default: throw Unsupported("data of type " + std::to_string(t.data_type()));
        }
        if (t.raw_data().size() != n * es) throw std::runtime_error("test data size mismatch");
        for (size_t i = 0; i < n; ++i)
        {
            switch (t.data_type())
            {
                case TP::FLOAT: v.push_back(get(float{}, i)); break;
                case TP::DOUBLE: v.push_back(get(double{}, i)); break;
                case TP::INT32: v.push_back(get(int32_t{}, i)); break;
                case TP::INT64: v.push_back(static_cast<double>(get(int64_t{}, i))); break;
                case TP::FLOAT16: v.push_back(HalfToFloat(get(uint16_t{}, i))); break;
                case TP::UINT8: case TP::BOOL: v.push_back(get(uint8_t{}, i)); break;
                case TP::INT8: v.push_back(get(int8_t{}, i)); break;
                case TP::INT16: v.push_back(get(int16_t{}, i)); break;
                case TP::UINT16: v.push_back(get(uint16_t{}, i)); break;
                case TP::UINT32: v.push_back(get(uint32_t{}, i)); break;
                default: break;
            }
        }
        return v;
    }
    switch (t.data_type())
    {
        case TP::FLOAT: for (float f : t.float_data()) v.push_back(f); break;
        case TP::DOUBLE: for (double f : t.double_data()) v.push_back(f); break;
        case TP::INT64: for (auto i : t.int64_data()) v.push_back(static_cast<double>(i)); break;
        case TP::UINT32: for (auto i : t.uint64_data()) v.push_back(static_cast<double>(i)); break;
        case TP::FLOAT16: for (auto i : t.int32_data()) v.push_back(HalfToFloat(static_cast<uint16_t>(i))); break;
        case TP::INT32: case TP::UINT8: case TP::INT8: case TP::BOOL: case TP::INT16: case TP::UINT16:
            for (auto i : t.int32_data()) v.push_back(i);
            break;
        default: throw Unsupported("data of type " + std::to_string(t.data_type()));
    }
    if (v.size() != n) throw std::runtime_error("test data size mismatch");
    return v;
}

std::vector<uint8_t> Encode(const std::vector<double>& v, armnn::DataType type)
{
    const size_t es = armnn::GetDataTypeSize(type);
    std::vector<uint8_t> out(v.size() * es);
    for (size_t i = 0; i < v.size(); ++i)
    {
        uint8_t* p = out.data() + i * es;
        switch (type)
        {
            case armnn::DataType::Float32: { float f = static_cast<float>(v[i]); std::memcpy(p, &f, 4); break; }
            case armnn::DataType::Float16:
            {
                const uint16_t h = armnn::FloatToHalf(static_cast<float>(v[i]));
                std::memcpy(p, &h, 2);
                break;
            }
            case armnn::DataType::Signed32: { int32_t x = static_cast<int32_t>(v[i]); std::memcpy(p, &x, 4); break; }
            case armnn::DataType::Signed64: { int64_t x = static_cast<int64_t>(v[i]); std::memcpy(p, &x, 8); break; }
            case armnn::DataType::Boolean: case armnn::DataType::QAsymmU8: *p = static_cast<uint8_t>(v[i]); break;
            case armnn::DataType::QAsymmS8: *p = static_cast<uint8_t>(static_cast<int8_t>(v[i])); break;
            default: throw Unsupported(std::string("input of type ") + armnn::GetDataTypeName(type));
        }
    }
    return out;
}

std::vector<double> Decode(const std::vector<uint8_t>& bytes, armnn::DataType type, size_t n)
{
    std::vector<double> v;
    for (size_t i = 0; i < n; ++i)
    {
        const uint8_t* p = bytes.data() + i * armnn::GetDataTypeSize(type);
        switch (type)
        {
            case armnn::DataType::Float32: { float f; std::memcpy(&f, p, 4); v.push_back(f); break; }
            case armnn::DataType::Float16: { uint16_t h; std::memcpy(&h, p, 2); v.push_back(HalfToFloat(h)); break; }
            case armnn::DataType::Signed32: { int32_t x; std::memcpy(&x, p, 4); v.push_back(x); break; }
            case armnn::DataType::Signed64: { int64_t x; std::memcpy(&x, p, 8); v.push_back(static_cast<double>(x)); break; }
            case armnn::DataType::Boolean: case armnn::DataType::QAsymmU8: v.push_back(*p); break;
            case armnn::DataType::QAsymmS8: v.push_back(static_cast<int8_t>(*p)); break;
            default: throw std::runtime_error(std::string("output of type ") + armnn::GetDataTypeName(type));
        }
    }
    return v;
}

bool Close(double actual, double expected)
{
    if (std::isnan(expected)) return std::isnan(actual);
    if (std::isinf(expected)) return actual == expected;
    return std::fabs(actual - expected) <= 1e-7 + 1e-3 * std::fabs(expected);
}

bool LoadTensor(const fs::path& p, onnx::TensorProto& t)
{
    const std::string bytes = ReadAll(p);
    return t.ParseFromString(bytes);
}

CaseResult RunCase(const fs::path& dir, armnn::IRuntime& runtime, armnnOnnxParser::IOnnxParser& parser)
{
    CaseResult r{dir.filename().string(), Outcome::Fail, ""};
    std::string stage = "read";
    try
    {
        onnx::ModelProto model;
        if (!model.ParseFromString(ReadAll(dir / "model.onnx"))) throw std::runtime_error("cannot read model.onnx");
        std::vector<std::string> inputs, outputs;
        {
            std::vector<std::string> inits;
            for (const auto& i : model.graph().initializer()) inits.push_back(i.name());
            for (const auto& i : model.graph().input())
                if (std::find(inits.begin(), inits.end(), i.name()) == inits.end()) inputs.push_back(i.name());
            for (const auto& o : model.graph().output()) outputs.push_back(o.name());
        }
        std::vector<fs::path> sets;
        for (const auto& e : fs::directory_iterator(dir))
            if (e.is_directory() && e.path().filename().string().rfind("test_data_set_", 0) == 0) sets.push_back(e.path());
        std::sort(sets.begin(), sets.end());
        if (sets.empty()) throw std::runtime_error("no test data sets");
        for (const auto& set : sets)
        {
            stage = "read";
            std::vector<onnx::TensorProto> in(inputs.size()), out(outputs.size());
            for (size_t i = 0; i < inputs.size(); ++i)
                if (!LoadTensor(set / ("input_" + std::to_string(i) + ".pb"), in[i]))
                    throw Unsupported("input " + std::to_string(i) + " is not a tensor (sequence or optional)");
            for (size_t i = 0; i < outputs.size(); ++i)
                if (!LoadTensor(set / ("output_" + std::to_string(i) + ".pb"), out[i]))
                    throw Unsupported("output " + std::to_string(i) + " is not a tensor (sequence or optional)");
            // Inputs without elements have no binding: the parser folds them as constants from the model's shape.
            std::vector<bool> empty(inputs.size(), false);
            std::map<std::string, armnn::TensorShape> shapes;
            for (size_t i = 0; i < inputs.size(); ++i)
            {
                std::vector<unsigned> d;
                for (auto x : in[i].dims())
                {
                    if (x < 0) throw std::runtime_error("negative dimension in input " + std::to_string(i));
                    empty[i] = empty[i] || x == 0;
                    d.push_back(static_cast<unsigned>(x));
                }
                if (empty[i]) continue;
                if (d.empty()) d.push_back(1);
                if (d.size() > armnn::MaxNumOfTensorDimensions) throw Unsupported("input rank above 5");
                shapes[inputs[i]] = armnn::TensorShape(static_cast<unsigned>(d.size()), d.data());
            }
            stage = "parse";
            armnn::INetworkPtr net = parser.CreateNetworkFromBinaryFile((dir / "model.onnx").c_str(), shapes);
            stage = "optimize";
            armnn::IOptimizedNetworkPtr opt = armnn::Optimize(*net, {armnn::BackendId("CpuRef")},
                                                              runtime.GetDeviceSpec());
            stage = "load";
            armnn::NetworkId id;
            std::string err;
            if (runtime.LoadNetwork(id, std::move(opt), err) != armnn::Status::Success)
                throw std::runtime_error("LoadNetwork: " + err);
            stage = "run";
            std::vector<std::vector<uint8_t>> inBytes, outBytes;
            armnn::InputTensors inTensors;
            armnn::OutputTensors outTensors;
            for (size_t i = 0; i < inputs.size(); ++i)
            {
                if (empty[i]) continue;
                auto b = parser.GetNetworkInputBindingInfo(inputs[i]);
                inBytes.push_back(Encode(TensorValues(in[i]), b.second.GetDataType()));
                if (inBytes.back().size() != b.second.GetNumBytes()) throw std::runtime_error("input size mismatch");
                armnn::TensorInfo info = b.second;
                info.SetConstant(true);
                inTensors.emplace_back(b.first, armnn::ConstTensor(info, inBytes.back().data()));
            }
            std::vector<armnn::TensorInfo> outInfos;
            for (size_t i = 0; i < outputs.size(); ++i)
            {
                auto b = parser.GetNetworkOutputBindingInfo(outputs[i]);
                outBytes.emplace_back(b.second.GetNumBytes());
                outInfos.push_back(b.second);
                outTensors.emplace_back(b.first, armnn::Tensor(b.second, outBytes.back().data()));
            }
            const armnn::Status status = runtime.EnqueueWorkload(id, inTensors, outTensors);
            runtime.UnloadNetwork(id);
            if (status != armnn::Status::Success) throw std::runtime_error("EnqueueWorkload failed");
            stage = "compare";
            for (size_t i = 0; i < outputs.size(); ++i)
            {
                const std::vector<double> expected = TensorValues(out[i]);
                const std::vector<double> actual = Decode(outBytes[i], outInfos[i].GetDataType(), outInfos[i].GetNumElements());
                if (expected.size() != actual.size())
                    throw std::runtime_error("output '" + outputs[i] + "' has " + std::to_string(actual.size()) +
                                             " elements, expected " + std::to_string(expected.size()));
                for (size_t k = 0; k < expected.size(); ++k)
                {
                    if (!Close(actual[k], expected[k]))
                    {
                        std::ostringstream ss;
                        ss << set.filename().string() << ": output '" << outputs[i] << "' element " << k << " is "
                           << actual[k] << ", expected " << expected[k];
                        throw std::runtime_error(ss.str());
                    }
                }
            }
        }
        r.outcome = Outcome::Pass;
    }
    catch (const Unsupported& e)
    {
        r.outcome = Outcome::Unsupported;
        r.detail = e.what();
    }
    catch (const armnn::ParseException& e)
    {
        const std::string what = e.what();
        r.outcome = what.find("unsupported") != std::string::npos ? Outcome::Unsupported : Outcome::Fail;
        r.detail = what;
    }
    catch (const std::exception& e)
    {
        r.outcome = stage == "optimize" ? Outcome::Unsupported : Outcome::Fail;
        r.detail = stage + ": " + e.what();
    }
    catch (...)
    {
        r.detail = stage + ": unknown exception";
    }
    std::replace(r.detail.begin(), r.detail.end(), '\n', ' ');
    std::replace(r.detail.begin(), r.detail.end(), '|', '/');
    if (r.detail.size() > 300) r.detail = r.detail.substr(0, 300) + "...";
    return r;
}

std::string FindNodeDir()
{
    if (const char* env = std::getenv("ONNX_NODE_TEST_DIR")) return env;
    FILE* p = popen("python3 -c \"import onnx, os; print(os.path.join(os.path.dirname(onnx.__file__), 'backend', "
                    "'test', 'data', 'node'))\" 2>/dev/null", "r");
    if (p == nullptr) return "";
    char buf[4096] = {0};
    std::string s = fgets(buf, sizeof(buf), p) ? buf : "";
    pclose(p);
    while (!s.empty() && (s.back() == '\n' || s.back() == '\r')) s.pop_back();
    return s;
}

std::string OnnxVersion(const fs::path& nodeDir)
{
    const std::string text = ReadAll(nodeDir.parent_path().parent_path().parent_path().parent_path() / "version.py");
    const auto pos = text.find("version = \"");
    if (pos == std::string::npos) return "unknown";
    const auto start = pos + 11;
    return text.substr(start, text.find('"', start) - start);
}

} // namespace

int main(int argc, char** argv)
{
    std::string dir, filter, report;
    long minPass = 0;
    bool verbose = false;
    for (int i = 1; i < argc; ++i)
    {
        const std::string a = argv[i];
        auto next = [&]() { return i + 1 < argc ? std::string(argv[++i]) : std::string(); };
        if (a == "--dir") dir = next();
        else if (a == "--filter") filter = next();
        else if (a == "--report") report = next();
        else if (a == "--min-pass") minPass = std::stol(next());
        else if (a == "--verbose") verbose = true;
    }
    if (dir.empty()) dir = FindNodeDir();
    if (dir.empty() || !fs::is_directory(dir))
    {
        std::cout << "OnnxConformance: SKIPPED: ONNX node tests not found (install the onnx Python package, "
                     "a version that ships backend/test/data/node, or set ONNX_NODE_TEST_DIR)\n";
        return 77;
    }
    std::signal(SIGSEGV, OnFatalSignal);
    std::signal(SIGABRT, OnFatalSignal);
    std::signal(SIGFPE, OnFatalSignal);
    std::signal(SIGBUS, OnFatalSignal);
    armnn::ConfigureLogging(false, false, armnn::LogSeverity::Fatal);

    std::vector<fs::path> cases;
    for (const auto& e : fs::directory_iterator(dir))
        if (e.is_directory() && fs::exists(e.path() / "model.onnx") &&
            (filter.empty() || e.path().filename().string().find(filter) != std::string::npos))
            cases.push_back(e.path());
    std::sort(cases.begin(), cases.end());

    armnn::IRuntimePtr runtime = armnn::IRuntime::Create(armnn::IRuntime::CreationOptions());
    auto parser = armnnOnnxParser::IOnnxParser::Create();
    std::vector<CaseResult> results;
    size_t pass = 0, fail = 0, unsupported = 0;
    for (const auto& c : cases)
    {
        std::snprintf(g_CurrentCase, sizeof(g_CurrentCase), "%s", c.filename().c_str());
        results.push_back(RunCase(c, *runtime, *parser));
        const auto& r = results.back();
        (r.outcome == Outcome::Pass ? pass : r.outcome == Outcome::Fail ? fail : unsupported)++;
        if (verbose || r.outcome == Outcome::Fail)
        {
            std::cout << (r.outcome == Outcome::Pass ? "PASS " : r.outcome == Outcome::Fail ? "FAIL " : "UNSUPPORTED ")
                      << r.name << (r.detail.empty() ? "" : ": " + r.detail) << "\n";
        }
    }
    const std::string version = OnnxVersion(dir);
    std::cout << "OnnxConformance: onnx " << version << ", " << cases.size() << " cases: " << pass << " pass, " << fail
              << " fail, " << unsupported << " unsupported\n";
    if (!report.empty())
    {
        std::ofstream md(report);
        md << "| onnx package | cases | pass | fail | unsupported |\n|---|---|---|---|---|\n| " << version << " | "
           << cases.size() << " | " << pass << " | " << fail << " | " << unsupported << " |\n\n### Failures\n\n";
        for (const auto& r : results)
            if (r.outcome == Outcome::Fail) md << "- `" << r.name << "`: " << r.detail << "\n";
        md << "\n### Unsupported\n\n";
        for (const auto& r : results)
            if (r.outcome == Outcome::Unsupported) md << "- `" << r.name << "`: " << r.detail << "\n";
    }
    if (static_cast<long>(pass) < minPass)
    {
        std::cout << "OnnxConformance: " << pass << " cases pass, fewer than the required " << minPass << "\n";
        return 1;
    }
    return 0;
}
