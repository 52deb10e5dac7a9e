# SPDX-FileCopyrightText: 2026 Neko Profile Editor contributors
# SPDX-License-Identifier: GPL-3.0-or-later

# Runs a validator on a file and fails on anything it reports; `cmake -P` with TOOL, PACKAGE
# (the Debian package that has the tool), ARGUMENTS (before the file) and FILE. A missing
# tool is reported as a skip, which the test's SKIP_REGULAR_EXPRESSION turns into "Skipped".

find_program(tool ${TOOL})
if(NOT tool)
    message("SKIP: ${TOOL} is not installed (Debian package ${PACKAGE}); "
        "packaging/install-build-deps.sh --tests installs it")
    return()
endif()

execute_process(COMMAND ${tool} ${ARGUMENTS} ${FILE}
    RESULT_VARIABLE result
    OUTPUT_VARIABLE output
    ERROR_VARIABLE output)
list(JOIN ARGUMENTS " " shown_arguments)
message("${tool} ${shown_arguments} ${FILE}\n${output}")

# desktop-file-validate exits 0 on warnings and hints; none is accepted here either.
if(NOT result EQUAL 0 OR output MATCHES "(error|warning|hint):")
    message(FATAL_ERROR "${TOOL} found problems in ${FILE}")
endif()
