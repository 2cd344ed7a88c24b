//
// Marks API kept for compatibility with older Arm NN programs.
//
#pragma once

#define ARMNN_DEPRECATED [[deprecated]]
#define ARMNN_DEPRECATED_MSG(message) [[deprecated(message)]]
#define ARMNN_DEPRECATED_MSG_REMOVAL_DATE(message, removed_in_release) [[deprecated(message)]]

#define ARMNN_NO_DEPRECATE_WARN_BEGIN \
    _Pragma("GCC diagnostic push") _Pragma("GCC diagnostic ignored \"-Wdeprecated-declarations\"")
#define ARMNN_NO_DEPRECATE_WARN_END _Pragma("GCC diagnostic pop")
