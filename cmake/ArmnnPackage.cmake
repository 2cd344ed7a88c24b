# The install tree: headers, libarmnn with its SONAME, the plugin directory, and a CMake package so that
# find_package(Armnn) gives Armnn::Armnn.
include(CMakePackageConfigHelpers)

install(DIRECTORY ${CMAKE_SOURCE_DIR}/armnn/include/armnn DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(DIRECTORY ${CMAKE_SOURCE_DIR}/backendsCommon/include/armnn DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})

install(TARGETS armnn EXPORT ArmnnTargets
        LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
        INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})

if(TARGET armnnTfLiteParser)
    install(DIRECTORY ${CMAKE_SOURCE_DIR}/parsers/tflite/include/armnnTfLiteParser
            DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
    install(TARGETS armnnTfLiteParser EXPORT ArmnnTargets
            LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
            INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
endif()
if(ARMNN_BUILD_ONNX_PARSER)
    install(DIRECTORY ${CMAKE_SOURCE_DIR}/parsers/onnx/include/armnnOnnxParser DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
    install(TARGETS armnnOnnxParser EXPORT ArmnnTargets
            LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
            INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
endif()

set(ARMNN_CMAKE_INSTALL_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/armnn)
install(EXPORT ArmnnTargets NAMESPACE Armnn:: DESTINATION ${ARMNN_CMAKE_INSTALL_DIR})

configure_package_config_file(${CMAKE_SOURCE_DIR}/cmake/ArmnnConfig.cmake.in
    ${CMAKE_BINARY_DIR}/ArmnnConfig.cmake
    INSTALL_DESTINATION ${ARMNN_CMAKE_INSTALL_DIR}
    PATH_VARS CMAKE_INSTALL_INCLUDEDIR ARMNN_PLUGIN_INSTALL_DIR)
write_basic_package_version_file(${CMAKE_BINARY_DIR}/ArmnnConfigVersion.cmake
    VERSION ${PROJECT_VERSION} COMPATIBILITY SameMajorVersion)
install(FILES ${CMAKE_BINARY_DIR}/ArmnnConfig.cmake ${CMAKE_BINARY_DIR}/ArmnnConfigVersion.cmake
        DESTINATION ${ARMNN_CMAKE_INSTALL_DIR})
