# One INTERFACE target carries the warnings and Qt defines every target of ours builds with.
add_library(swb_build_settings INTERFACE)
target_compile_features(swb_build_settings INTERFACE cxx_std_17)
target_compile_options(swb_build_settings INTERFACE
    -Wall -Wextra -Wpedantic -Wold-style-cast -Wnon-virtual-dtor)
if(SWB_WERROR)
    target_compile_options(swb_build_settings INTERFACE -Werror)
endif()
target_compile_definitions(swb_build_settings INTERFACE
    QT_NO_CAST_TO_ASCII
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_USE_QSTRINGBUILDER
    QT_DISABLE_DEPRECATED_BEFORE=0x060400
    SWB_VERSION="${PROJECT_VERSION}")
if(SWB_SANITIZE)
    target_compile_options(swb_build_settings INTERFACE
        -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer)
    target_link_options(swb_build_settings INTERFACE -fsanitize=address,undefined)
endif()
