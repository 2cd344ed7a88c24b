#include "GpuAccRuntime.hpp"

#include <armnn/Exceptions.hpp>
#include <armnn/Logging.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <limits>
#include <sstream>
#include <vector>

namespace armnn
{
namespace gpuacc
{

namespace
{
using Clock = std::chrono::steady_clock;

uint64_t Fnv1a(const void* data, size_t size, uint64_t hash = 14695981039346656037ull)
{
    const auto* bytes = static_cast<const uint8_t*>(data);
    for (size_t i = 0; i < size; ++i)
    {
        hash = (hash ^ bytes[i]) * 1099511628211ull;
    }
    return hash;
}

uint64_t Fnv1a(const std::string& text)
{
    return Fnv1a(text.data(), text.size());
}

std::string Hex(uint64_t value)
{
    char text[17];
    std::snprintf(text, sizeof(text), "%016llx", static_cast<unsigned long long>(value));
    return text;
}

std::string DeviceString(cl_device_id device, cl_device_info what)
{
    size_t size = 0;
    Check(clGetDeviceInfo(device, what, 0, nullptr, &size), "clGetDeviceInfo");
    std::string text(size, '\0');
    Check(clGetDeviceInfo(device, what, size, text.data(), nullptr), "clGetDeviceInfo");
    text.resize(std::strlen(text.c_str()));
    return text;
}

double MillisecondsSince(Clock::time_point start)
{
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

// Program binary files: magic, the hash of the cache key, the binary's size and checksum, the binary.
constexpr char kMagic[8] = {'G', 'P', 'U', 'A', 'C', 'C', 'B', '1'};
} // namespace

void Check(cl_int status, const char* what)
{
    if (status != CL_SUCCESS)
    {
        throw RuntimeException(std::string("GpuAcc: ") + what + " failed: OpenCL error " + std::to_string(status));
    }
}

ProgramStats& Stats()
{
    static ProgramStats stats;
    return stats;
}

ClRuntime::ClRuntime(const RuntimeOptions& options) : m_Options(options)
{
    cl_uint numPlatforms = 0;
    const cl_int status = clGetPlatformIDs(0, nullptr, &numPlatforms);
    if (status != CL_SUCCESS || numPlatforms == 0)
    {
        // ocl-icd answers CL_PLATFORM_NOT_FOUND_KHR (-1001) when no ICD is installed.
        throw BackendUnavailableException("no OpenCL platform found (clGetPlatformIDs: error " +
                                          std::to_string(status) +
                                          "; is an OpenCL driver such as pocl-opencl-icd installed?)");
    }
    if (options.m_PlatformIndex >= numPlatforms)
    {
        throw BackendUnavailableException("PlatformIndex " + std::to_string(options.m_PlatformIndex) +
                                          " is out of range: " + std::to_string(numPlatforms) +
                                          " OpenCL platform(s) found");
    }
    std::vector<cl_platform_id> platforms(numPlatforms);
    Check(clGetPlatformIDs(numPlatforms, platforms.data(), nullptr), "clGetPlatformIDs");
    m_Platform = platforms[options.m_PlatformIndex];

    cl_uint numDevices = 0;
    if (clGetDeviceIDs(m_Platform, CL_DEVICE_TYPE_ALL, 0, nullptr, &numDevices) != CL_SUCCESS || numDevices == 0)
    {
        throw BackendUnavailableException("OpenCL platform " + std::to_string(options.m_PlatformIndex) +
                                          " has no device");
    }
    if (options.m_DeviceIndex >= numDevices)
    {
        throw BackendUnavailableException("DeviceIndex " + std::to_string(options.m_DeviceIndex) +
                                          " is out of range: OpenCL platform " +
                                          std::to_string(options.m_PlatformIndex) + " has " +
                                          std::to_string(numDevices) + " device(s)");
    }
    std::vector<cl_device_id> devices(numDevices);
    Check(clGetDeviceIDs(m_Platform, CL_DEVICE_TYPE_ALL, numDevices, devices.data(), nullptr), "clGetDeviceIDs");
    m_Device = devices[options.m_DeviceIndex];
    m_DeviceName = DeviceString(m_Device, CL_DEVICE_NAME);
    m_DriverVersion = DeviceString(m_Device, CL_DRIVER_VERSION);
    m_HasFp16 = DeviceString(m_Device, CL_DEVICE_EXTENSIONS).find("cl_khr_fp16") != std::string::npos;

    cl_int error = CL_SUCCESS;
    m_Context = clCreateContext(nullptr, 1, &m_Device, nullptr, nullptr, &error);
    if (error != CL_SUCCESS)
    {
        throw BackendUnavailableException("clCreateContext failed on " + m_DeviceName + ": OpenCL error " +
                                          std::to_string(error));
    }
    m_Queue = clCreateCommandQueue(m_Context, m_Device, 0, &error);
    if (error != CL_SUCCESS)
    {
        clReleaseContext(m_Context);
        throw BackendUnavailableException("clCreateCommandQueue failed on " + m_DeviceName + ": OpenCL error " +
                                          std::to_string(error));
    }
    ReadTuningFile();
    ARMNN_LOG(info) << "GpuAcc: using OpenCL device '" << m_DeviceName << "' (driver " << m_DriverVersion
                    << (m_HasFp16 ? ", cl_khr_fp16" : "") << ")";
}

ClRuntime::~ClRuntime()
{
    if (m_TuningChanged && !m_Options.m_TuningFile.empty())
    {
        std::ofstream file(m_Options.m_TuningFile, std::ios::trunc);
        for (const auto& [key, local] : m_Tuned)
        {
            file << key << '\t' << local[0] << ' ' << local[1] << ' ' << local[2] << '\n';
        }
        if (!file)
        {
            ARMNN_LOG(warning) << "GpuAcc: could not write the tuning file " << m_Options.m_TuningFile;
        }
    }
    for (auto& entry : m_Programs)
    {
        clReleaseProgram(entry.second);
    }
    clReleaseCommandQueue(m_Queue);
    clReleaseContext(m_Context);
}

// One line per kernel launch: "<key>\t<l0> <l1> <l2>". A missing file is not an error: tuning creates it.
void ClRuntime::ReadTuningFile()
{
    if (m_Options.m_TuningFile.empty())
    {
        return;
    }
    std::ifstream file(m_Options.m_TuningFile);
    std::string line;
    unsigned lineNumber = 0;
    while (std::getline(file, line))
    {
        ++lineNumber;
        const size_t tab = line.find('\t');
        std::array<size_t, 3> local{};
        std::istringstream values(tab == std::string::npos ? std::string() : line.substr(tab + 1));
        if (tab == std::string::npos || !(values >> local[0] >> local[1] >> local[2]))
        {
            ARMNN_LOG(warning) << "GpuAcc: ignoring line " << lineNumber << " of the tuning file "
                               << m_Options.m_TuningFile << ": not '<kernel>\\t<x> <y> <z>'";
            continue;
        }
        m_Tuned[line.substr(0, tab)] = local;
    }
    if (!m_Tuned.empty())
    {
        ARMNN_LOG(info) << "GpuAcc: read " << m_Tuned.size() << " tuned local work sizes from "
                        << m_Options.m_TuningFile;
    }
}

cl_program ClRuntime::BuildFromSource(const std::string& options) const
{
    const char* source = KernelSource();
    cl_int error = CL_SUCCESS;
    cl_program program = clCreateProgramWithSource(m_Context, 1, &source, nullptr, &error);
    Check(error, "clCreateProgramWithSource");
    error = clBuildProgram(program, 1, &m_Device, options.c_str(), nullptr, nullptr);
    if (error != CL_SUCCESS)
    {
        size_t size = 0;
        clGetProgramBuildInfo(program, m_Device, CL_PROGRAM_BUILD_LOG, 0, nullptr, &size);
        std::string log(size, '\0');
        clGetProgramBuildInfo(program, m_Device, CL_PROGRAM_BUILD_LOG, size, log.data(), nullptr);
        clReleaseProgram(program);
        throw RuntimeException("GpuAcc: building the kernels for " + m_DeviceName + " with options '" + options +
                               "' failed (OpenCL error " + std::to_string(error) + "): " + log);
    }
    ++Stats().m_CompiledFromSource;
    return program;
}

cl_program ClRuntime::LoadBinary(const std::string& path, const std::string& key, const std::string& options,
                                 std::string& problem) const
{
    std::ifstream file(path, std::ios::binary);
    if (!file)
    {
        return nullptr; // no cache entry yet
    }
    std::vector<char> bytes((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
    constexpr size_t header = sizeof(kMagic) + 3 * sizeof(uint64_t);
    uint64_t fields[3] = {};
    if (bytes.size() < header || std::memcmp(bytes.data(), kMagic, sizeof(kMagic)) != 0)
    {
        problem = "not a GpuAcc program binary";
        return nullptr;
    }
    std::memcpy(fields, bytes.data() + sizeof(kMagic), sizeof(fields));
    const uint64_t size = bytes.size() - header;
    if (fields[0] != Fnv1a(key))
    {
        problem = "made for another device, driver, kernel source or build options";
        return nullptr;
    }
    if (fields[1] != size || fields[2] != Fnv1a(bytes.data() + header, size))
    {
        problem = "truncated or corrupted (size or checksum mismatch)";
        return nullptr;
    }
    const auto* binary = reinterpret_cast<const unsigned char*>(bytes.data() + header);
    const size_t binarySize = size;
    cl_int binaryStatus = CL_SUCCESS;
    cl_int error = CL_SUCCESS;
    cl_program program =
        clCreateProgramWithBinary(m_Context, 1, &m_Device, &binarySize, &binary, &binaryStatus, &error);
    if (error != CL_SUCCESS || binaryStatus != CL_SUCCESS)
    {
        problem = "the driver rejected the binary (OpenCL error " + std::to_string(error) + ")";
        if (program != nullptr)
        {
            clReleaseProgram(program);
        }
        return nullptr;
    }
    error = clBuildProgram(program, 1, &m_Device, options.c_str(), nullptr, nullptr);
    if (error != CL_SUCCESS)
    {
        problem = "the driver could not build the binary (OpenCL error " + std::to_string(error) + ")";
        clReleaseProgram(program);
        return nullptr;
    }
    return program;
}

void ClRuntime::SaveBinary(cl_program program, const std::string& path, const std::string& key) const
{
    size_t size = 0;
    Check(clGetProgramInfo(program, CL_PROGRAM_BINARY_SIZES, sizeof(size), &size, nullptr), "clGetProgramInfo");
    std::vector<unsigned char> binary(size);
    unsigned char* pointer = binary.data();
    Check(clGetProgramInfo(program, CL_PROGRAM_BINARIES, sizeof(pointer), &pointer, nullptr), "clGetProgramInfo");
    const uint64_t fields[3] = {Fnv1a(key), size, Fnv1a(binary.data(), size)};
    // Written beside and renamed, so that a concurrent reader never sees half a file.
    const std::string temporary = path + ".tmp" + Hex(reinterpret_cast<uintptr_t>(this));
    {
        std::ofstream file(temporary, std::ios::binary | std::ios::trunc);
        file.write(kMagic, sizeof(kMagic));
        file.write(reinterpret_cast<const char*>(fields), sizeof(fields));
        file.write(reinterpret_cast<const char*>(binary.data()), static_cast<std::streamsize>(size));
        if (!file)
        {
            ARMNN_LOG(warning) << "GpuAcc: could not write the program cache file " << temporary;
            return;
        }
    }
    if (std::rename(temporary.c_str(), path.c_str()) != 0)
    {
        ARMNN_LOG(warning) << "GpuAcc: could not rename " << temporary << " to " << path;
        std::remove(temporary.c_str());
    }
}

cl_program ClRuntime::GetProgram(const ProgramOptions& options)
{
    const std::string buildOptions = std::string("-cl-std=CL1.2") + (options.m_Fp16 ? " -DGPUACC_FP16" : "");
    std::lock_guard<std::mutex> lock(m_ProgramMutex);
    auto found = m_Programs.find(buildOptions);
    if (found != m_Programs.end())
    {
        return found->second;
    }
    const auto start = Clock::now();
    cl_program program = nullptr;
    // The cache key: everything the binary depends on.
    const std::string key = m_DeviceName + '\n' + m_DriverVersion + '\n' + Hex(Fnv1a(KernelSource())) + '\n' +
                            buildOptions;
    const std::string path =
        options.m_CacheDirectory.empty() ? std::string() : options.m_CacheDirectory + "/" + Hex(Fnv1a(key)) + ".clbin";
    bool corrupt = false;
    if (!path.empty())
    {
        std::string problem;
        program = LoadBinary(path, key, buildOptions, problem);
        if (program != nullptr)
        {
            ++Stats().m_LoadedFromCache;
            ARMNN_LOG(info) << "GpuAcc: loaded the program binary from " << path << " in " << MillisecondsSince(start)
                            << " ms";
        }
        else if (!problem.empty())
        {
            corrupt = true;
            ++Stats().m_CorruptCacheFiles;
            ARMNN_LOG(warning) << "GpuAcc: program cache file " << path << " is unusable (" << problem
                               << "); compiling from source";
        }
    }
    if (program == nullptr)
    {
        program = BuildFromSource(buildOptions);
        ARMNN_LOG(info) << "GpuAcc: compiled the kernels from source in " << MillisecondsSince(start) << " ms";
        if (!path.empty() && (options.m_SaveCache || corrupt))
        {
            SaveBinary(program, path, key);
        }
    }
    m_Programs[buildOptions] = program;
    return program;
}

KernelPtr ClRuntime::CreateKernel(cl_program program, const char* name)
{
    cl_int error = CL_SUCCESS;
    cl_kernel kernel = clCreateKernel(program, name, &error);
    Check(error, "clCreateKernel");
    return KernelPtr(kernel, clReleaseKernel);
}

MemPtr ClRuntime::CreateBuffer(size_t bytes, const void* data)
{
    cl_int error = CL_SUCCESS;
    const cl_mem_flags flags = CL_MEM_READ_WRITE | (data != nullptr ? CL_MEM_COPY_HOST_PTR : 0);
    cl_mem buffer = clCreateBuffer(m_Context, flags, std::max<size_t>(bytes, 4), const_cast<void*>(data), &error);
    Check(error, ("clCreateBuffer of " + std::to_string(bytes) + " bytes").c_str());
    return MemPtr(buffer, clReleaseMemObject);
}

std::map<std::string, std::array<size_t, 3>> ClRuntime::TunedValues() const
{
    std::lock_guard<std::mutex> lock(m_TuningMutex);
    return m_Tuned;
}

std::array<size_t, 3> ClRuntime::LocalSize(const std::string& key, cl_kernel kernel,
                                           const std::array<size_t, 3>& global, cl_uint dims,
                                           const std::function<void(const std::array<size_t, 3>&)>& run)
{
    size_t maxGroup = 0;
    Check(clGetKernelWorkGroupInfo(kernel, m_Device, CL_KERNEL_WORK_GROUP_SIZE, sizeof(maxGroup), &maxGroup, nullptr),
          "clGetKernelWorkGroupInfo");
    {
        std::lock_guard<std::mutex> lock(m_TuningMutex);
        auto found = m_Tuned.find(key);
        if (found != m_Tuned.end())
        {
            const std::array<size_t, 3>& local = found->second;
            const bool driverChoice = local[0] == 0 && local[1] == 0 && local[2] == 0;
            if (driverChoice || (local[0] * local[1] * local[2] != 0 && local[0] * local[1] * local[2] <= maxGroup))
            {
                ARMNN_LOG(debug) << "GpuAcc: tuned local work size for " << key;
                return local;
            }
            // A file tuned on another device: this one cannot run that size.
            ARMNN_LOG(warning) << "GpuAcc: ignoring the tuned local work size " << local[0] << "x" << local[1] << "x"
                               << local[2] << " for " << key << " (this device allows " << maxGroup
                               << " work-items per group)";
        }
    }
    if (m_Options.m_TuningLevel == 0)
    {
        return {0, 0, 0};
    }
    // Candidates: the driver's choice, then powers of two along the first (and second) dimension.
    const std::vector<size_t> firstSizes = m_Options.m_TuningLevel == 1   ? std::vector<size_t>{4, 16, 64}
                                           : m_Options.m_TuningLevel == 2 ? std::vector<size_t>{2, 4, 8, 16, 32, 64}
                                                                          : std::vector<size_t>{1, 2, 4, 8, 16, 32, 64,
                                                                                                128, 256};
    const std::vector<size_t> secondSizes =
        dims < 2 || m_Options.m_TuningLevel == 1 ? std::vector<size_t>{1} : std::vector<size_t>{1, 2, 4, 8};
    std::vector<std::array<size_t, 3>> candidates = {{0, 0, 0}};
    for (size_t x : firstSizes)
    {
        for (size_t y : secondSizes)
        {
            if (x * y <= maxGroup && x <= std::max<size_t>(global[0], 1) * 2)
            {
                candidates.push_back({x, dims > 1 ? y : 1, 1});
            }
        }
    }
    const int repeats = m_Options.m_TuningLevel == 3 ? 5 : m_Options.m_TuningLevel == 2 ? 3 : 1;
    std::array<size_t, 3> best{0, 0, 0};
    double bestTime = std::numeric_limits<double>::infinity();
    for (const auto& local : candidates)
    {
        try
        {
            run(local); // warm-up
            Check(clFinish(m_Queue), "clFinish");
            const auto start = Clock::now();
            for (int r = 0; r < repeats; ++r)
            {
                run(local);
            }
            Check(clFinish(m_Queue), "clFinish");
            const double time = MillisecondsSince(start);
            if (time < bestTime)
            {
                bestTime = time;
                best = local;
            }
        }
        catch (const RuntimeException&)
        {
            // a size the device refuses for this kernel is not a candidate
        }
    }
    std::lock_guard<std::mutex> lock(m_TuningMutex);
    m_Tuned[key] = best;
    m_TuningChanged = true;
    return best;
}

ClTensorHandle::ClTensorHandle(std::shared_ptr<ClRuntime> runtime, const TensorInfo& info)
    : m_Runtime(std::move(runtime)), m_Info(info), m_Buffer(m_Runtime->CreateBuffer(info.GetNumBytes()))
{}

void* ClTensorHandle::Map(bool blocking) const
{
    std::lock_guard<std::mutex> lock(m_MapMutex);
    if (m_MapCount++ == 0)
    {
        cl_int error = CL_SUCCESS;
        m_Mapped = clEnqueueMapBuffer(m_Runtime->Queue(), m_Buffer.get(), blocking ? CL_TRUE : CL_FALSE,
                                      CL_MAP_READ | CL_MAP_WRITE, 0, std::max<size_t>(m_Info.GetNumBytes(), 4), 0,
                                      nullptr, nullptr, &error);
        if (error != CL_SUCCESS)
        {
            m_MapCount = 0;
            Check(error, "clEnqueueMapBuffer");
        }
    }
    return m_Mapped;
}

void ClTensorHandle::Unmap() const
{
    std::lock_guard<std::mutex> lock(m_MapMutex);
    if (m_MapCount > 0 && --m_MapCount == 0)
    {
        Check(clEnqueueUnmapMemObject(m_Runtime->Queue(), m_Buffer.get(), m_Mapped, 0, nullptr, nullptr),
              "clEnqueueUnmapMemObject");
        m_Mapped = nullptr;
    }
}

} // namespace gpuacc
} // namespace armnn
