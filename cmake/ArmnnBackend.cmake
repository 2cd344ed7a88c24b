# armnn_add_backend_plugin(<target> FILE <Vendor>_<Name>_backend SOURCES ...
#                          [OUTPUT_DIRECTORY <dir>] [NO_INSTALL])
# Builds one backend plugin: a module that links libarmnn and exports only its C entry points.
# By default it lands in the default plugin directory of the build tree and of the install. OUTPUT_DIRECTORY puts
# it elsewhere in the build tree and NO_INSTALL keeps it out of the install: for example plugins (Sample) and test
# fixtures that must not be loaded by every runtime.
function(armnn_add_backend_plugin target)
    cmake_parse_arguments(ARG "NO_INSTALL" "FILE;OUTPUT_DIRECTORY" "SOURCES" ${ARGN})
    if(NOT ARG_OUTPUT_DIRECTORY)
        set(ARG_OUTPUT_DIRECTORY ${ARMNN_PLUGIN_OUTPUT_DIR})
    endif()
    add_library(${target} MODULE ${ARG_SOURCES})
    target_link_libraries(${target} PRIVATE armnn)
    set_target_properties(${target} PROPERTIES
        PREFIX ""
        OUTPUT_NAME ${ARG_FILE}
        LIBRARY_OUTPUT_DIRECTORY ${ARG_OUTPUT_DIRECTORY}
        CXX_VISIBILITY_PRESET hidden
        VISIBILITY_INLINES_HIDDEN ON
        INSTALL_RPATH "$ORIGIN/../..")
    if(NOT ARG_NO_INSTALL)
        install(TARGETS ${target} LIBRARY DESTINATION ${ARMNN_PLUGIN_INSTALL_DIR})
    endif()
endfunction()
