//
// The C entry points every backend plugin exports, as Arm NN's dynamic backends do.
// A plugin's file is named <Vendor>_<Name>_backend.so and lives in a plugin directory.
//
//   extern "C" const char* GetBackendId();                         // e.g. "CpuRef"
//   extern "C" void GetVersion(uint32_t* major, uint32_t* minor);  // backend API version it was built for
//   extern "C" void* BackendFactory();                             // new IBackendInternal; caller owns it
//
// ARMNN_DEFINE_BACKEND_PLUGIN(BackendClass, "Id") defines all three. The factory catches exceptions so that none
// crosses the C boundary: it returns null instead and the registry skips the plugin with a logged reason.
//
#pragma once

#include "IBackendInternal.hpp"

#include <cstdint>
#include <new>

#define ARMNN_DEFINE_BACKEND_PLUGIN(BackendClass, IdString) \
    extern "C" __attribute__((visibility("default"))) const char* GetBackendId() \
    { \
        return IdString; \
    } \
    extern "C" __attribute__((visibility("default"))) void GetVersion(uint32_t* outMajor, uint32_t* outMinor) \
    { \
        *outMajor = armnn::CoreBackendApiVersion.m_Major; \
        *outMinor = armnn::CoreBackendApiVersion.m_Minor; \
    } \
    extern "C" __attribute__((visibility("default"))) void* BackendFactory() \
    { \
        try \
        { \
            return static_cast<armnn::IBackendInternal*>(new BackendClass()); \
        } \
        catch (...) \
        { \
            return nullptr; \
        } \
    }
