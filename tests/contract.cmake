# SPDX-FileCopyrightText: 2026 Neko Profile Editor contributors
# SPDX-License-Identifier: GPL-3.0-or-later

# Contract test: the requests NekoClient builds, checked against neko's OpenAPI spec by a
# Prism mock server. Include this file from tests/CMakeLists.txt after nekoeditor_add_test()
# is defined. Without Prism or the spec the test skips and says how to get them; both paths
# can also be changed at run time with the environment variables of the same names.
#
#   npm install --prefix <build dir>/prism @stoplight/prism-cli

cmake_path(SET _nekoeditor_default_openapi NORMALIZE
    "${PROJECT_SOURCE_DIR}/../shared/neko/openapi.yaml")
set(NEKOEDITOR_OPENAPI "${_nekoeditor_default_openapi}" CACHE FILEPATH
    "neko's OpenAPI spec, for the contract test")
set(NEKOEDITOR_PRISM "${PROJECT_BINARY_DIR}/prism/node_modules/.bin/prism" CACHE FILEPATH
    "The prism executable of @stoplight/prism-cli, for the contract test")

nekoeditor_add_test(contract LIBRARIES nekoeditor_core)
target_compile_definitions(tst_contract PRIVATE
    NEKOEDITOR_PRISM="${NEKOEDITOR_PRISM}"
    NEKOEDITOR_OPENAPI="${NEKOEDITOR_OPENAPI}")

# `ctest -LE contract` leaves it out, `ctest -L contract` runs only it.
# Without Prism or the spec it reports "Skipped" rather than a pass it did not earn.
set_tests_properties(contract PROPERTIES LABELS contract SKIP_REGULAR_EXPRESSION "SKIP   : ")
