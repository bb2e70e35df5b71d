# libzip and libxlsxwriter from Debian 12's source packages (issue 23), as
# FreeXL is: scripts/debian-source.sh unpacks them into build-deps/ with the
# project's patches (install-deps.sh runs it), and they are compiled here as
# static libraries into itawb:
#   - libzip 1.7.3 without any crypto backend (Debian's links GnuTLS or
#     OpenSSL, whose libcrypto.so.3 alone cost 4-5 ms of every start), bzip2
#     or lzma; only zlib, static with ITAWB_STATIC_DEPS;
#   - libxlsxwriter 1.1.4 with its own minizip and MD5 (no libminizip.so, no
#     libcrypto) and scripts/patches/libxlsxwriter-memory-deflate-level.patch:
#     the package's parts in memory instead of temporary files, and the
#     deflate level chosen by the caller (xlsx::WriterOptions::deflate_level);
#     libxlsxwriter-quiet-log.patch: its English log lines silenced.
# The cross builds (WebAssembly, Windows) compile the same sources with the
# same patches here, over the zlib of their prefix (hosts/cross/deps.sh):
# one writer for every target. Natively, where a source is absent (no
# deb-src reachable) the build uses Debian's shared library as it is and
# says so.
#
# Sets ITAWB_DEP_LIBZIP and ITAWB_DEP_XLSXWRITER to the targets to link.
set(ITAWB_LIBZIP_SOURCE "${CMAKE_SOURCE_DIR}/build-deps/libzip" CACHE PATH
    "libzip's source (scripts/debian-source.sh libzip=1.7.3-1)")
set(ITAWB_LIBXLSXWRITER_SOURCE "${CMAKE_SOURCE_DIR}/build-deps/libxlsxwriter" CACHE PATH
    "libxlsxwriter's source with itawb's patch (scripts/debian-source.sh libxlsxwriter=1.1.4-2)")
if(EXISTS "${ITAWB_LIBZIP_SOURCE}/.itawb-patched" OR EXISTS "${ITAWB_LIBXLSXWRITER_SOURCE}/.itawb-patched")
  # zlib for both: Debian's libz.a where static libraries are wanted.
  if(ITAWB_STATIC_DEPS AND NOT ZLIB_LIBRARY)
    find_library(ITAWB_ZLIB_STATIC NAMES libz.a)
    if(ITAWB_ZLIB_STATIC)
      set(ZLIB_LIBRARY "${ITAWB_ZLIB_STATIC}" CACHE FILEPATH "zlib (static, ITAWB_STATIC_DEPS)")
    endif()
  endif()
  find_package(ZLIB REQUIRED)
endif()

if(EXISTS "${ITAWB_LIBZIP_SOURCE}/.itawb-patched")
  # In a function: the options below stay the subproject's.
  function(itawb_add_libzip)
    set(CMAKE_POLICY_DEFAULT_CMP0077 NEW)  # libzip's option()s take these values
    set(CMAKE_POLICY_DEFAULT_CMP0063 NEW)  # its hidden visibility, without a warning
    set(BUILD_SHARED_LIBS OFF)
    foreach(off ENABLE_COMMONCRYPTO ENABLE_GNUTLS ENABLE_MBEDTLS ENABLE_OPENSSL ENABLE_WINDOWS_CRYPTO
                ENABLE_BZIP2 ENABLE_LZMA BUILD_TOOLS BUILD_REGRESS BUILD_EXAMPLES BUILD_DOC LIBZIP_DO_INSTALL)
      set(${off} OFF)
    endforeach()
    if(EMSCRIPTEN)
      # CMake's check_type_size reads 9 for every type from emcc's output:
      # the sizes are given (wasm32).
      foreach(v SIZEOF_OFF_T:8 SIZEOF_SIZE_T:4 INT8_T_LIBZIP:1 UINT8_T_LIBZIP:1 INT16_T_LIBZIP:2
                UINT16_T_LIBZIP:2 INT32_T_LIBZIP:4 UINT32_T_LIBZIP:4 INT64_T_LIBZIP:8 UINT64_T_LIBZIP:8
                SHORT_LIBZIP:2 INT_LIBZIP:4 LONG_LIBZIP:4 LONG_LONG_LIBZIP:8)
        string(REPLACE ":" ";" pair "${v}")
        list(GET pair 0 name)
        list(GET pair 1 size)
        set(HAVE_${name} TRUE CACHE INTERNAL "")
        set(${name} ${size} CACHE INTERNAL "")
      endforeach()
      foreach(name __INT8_LIBZIP __INT16_LIBZIP __INT32_LIBZIP __INT64_LIBZIP)
        set(HAVE_${name} FALSE CACHE INTERNAL "")
      endforeach()
    endif()
    add_subdirectory("${ITAWB_LIBZIP_SOURCE}" "${CMAKE_BINARY_DIR}/deps/libzip" EXCLUDE_FROM_ALL)
  endfunction()
  itawb_add_libzip()
  target_compile_options(zip PRIVATE -w)  # libzip's own warnings are not ours
  set(ITAWB_DEP_LIBZIP zip)
  message(STATUS "libzip: ${ITAWB_LIBZIP_SOURCE}, static, without crypto")
elseif(CMAKE_CROSSCOMPILING)
  message(FATAL_ERROR "libzip: no source in ${ITAWB_LIBZIP_SOURCE} (scripts/debian-source.sh libzip=1.7.3-1)")
else()
  pkg_check_modules(LIBZIP REQUIRED IMPORTED_TARGET libzip)
  set(ITAWB_DEP_LIBZIP PkgConfig::LIBZIP)
  message(STATUS "libzip: Debian's shared libzip (scripts/debian-source.sh libzip=1.7.3-1 for the static one)")
endif()

if(EXISTS "${ITAWB_LIBXLSXWRITER_SOURCE}/.itawb-patched")
  set(src "${ITAWB_LIBXLSXWRITER_SOURCE}")
  file(GLOB xlsxwriter_sources "${src}/src/*.c")
  add_library(itawb_dep_xlsxwriter STATIC ${xlsxwriter_sources}
    "${src}/third_party/minizip/ioapi.c" "${src}/third_party/minizip/zip.c"
    "${src}/third_party/tmpfileplus/tmpfileplus.c" "${src}/third_party/md5/md5.c")
  if(WIN32)
    # Windows: the package opened by its UTF-16 name
    # (scripts/patches/libxlsxwriter-mingw-utf8-filename.patch).
    target_sources(itawb_dep_xlsxwriter PRIVATE "${src}/third_party/minizip/iowin32.c")
  endif()
  target_include_directories(itawb_dep_xlsxwriter PUBLIC "${src}/include"
                             PRIVATE "${src}/include/xlsxwriter")
  # As upstream's CMakeLists: minizip without encryption.
  target_compile_definitions(itawb_dep_xlsxwriter PRIVATE NOCRYPT NOUNCRYPT)
  # Its English log lines name the temporary file; itawb reports every
  # failure itself, in Thai and English, naming the user's file
  # (scripts/patches/libxlsxwriter-quiet-log.patch: LXW_QUIET prints nothing).
  target_compile_definitions(itawb_dep_xlsxwriter PRIVATE LXW_QUIET)
  target_compile_options(itawb_dep_xlsxwriter PRIVATE -w)  # libxlsxwriter's own warnings are not ours
  target_link_libraries(itawb_dep_xlsxwriter PUBLIC ZLIB::ZLIB)
  set(ITAWB_DEP_XLSXWRITER itawb_dep_xlsxwriter)
  message(STATUS "libxlsxwriter: ${src} with itawb's patch, static")
  unset(src)
elseif(CMAKE_CROSSCOMPILING)
  message(FATAL_ERROR "libxlsxwriter: no source in ${ITAWB_LIBXLSXWRITER_SOURCE} "
                      "(scripts/debian-source.sh libxlsxwriter=1.1.4-2)")
else()
  pkg_check_modules(XLSXWRITER REQUIRED IMPORTED_TARGET xlsxwriter)
  set(ITAWB_DEP_XLSXWRITER PkgConfig::XLSXWRITER)
  message(STATUS "libxlsxwriter: Debian's shared libxlsxwriter (parts through temporary files, "
                 "zlib's default level; scripts/debian-source.sh libxlsxwriter=1.1.4-2 for the patched one)")
endif()
