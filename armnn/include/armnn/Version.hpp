//
// Library version. The major version follows Arm NN's numbering of the API we are compatible with.
//
#pragma once

#define ARMNN_MAJOR_VERSION 35
#define ARMNN_MINOR_VERSION 0
#define ARMNN_PATCH_VERSION 0

#define STRINGIFY_VALUE(s) STRINGIFY_MACRO(s)
#define STRINGIFY_MACRO(s) #s

#define ARMNN_VERSION \
    STRINGIFY_VALUE(ARMNN_MAJOR_VERSION) "." STRINGIFY_VALUE(ARMNN_MINOR_VERSION) "." STRINGIFY_VALUE(ARMNN_PATCH_VERSION)
