# armnn_add_backend_plugin(<target> FILE <Vendor>_<Name>_backend SOURCES ...)
# Builds one backend plugin: a module that links libarmnn, exports only its C entry points, and lands in the
# default plugin directory of the build tree and of the install.
function(armnn_add_backend_plugin target)
    cmake_parse_arguments(ARG "" "FILE" "SOURCES" ${ARGN})
    add_library(${target} MODULE ${ARG_SOURCES})
    target_link_libraries(${target} PRIVATE armnn)
    set_target_properties(${target} PROPERTIES
        PREFIX ""
        OUTPUT_NAME ${ARG_FILE}
        LIBRARY_OUTPUT_DIRECTORY ${ARMNN_PLUGIN_OUTPUT_DIR}
        CXX_VISIBILITY_PRESET hidden
        VISIBILITY_INLINES_HIDDEN ON
        INSTALL_RPATH "$ORIGIN/../..")
    install(TARGETS ${target} LIBRARY DESTINATION ${ARMNN_PLUGIN_INSTALL_DIR})
endfunction()
