/* commands.h — the subcommands of `newskg`.
 *
 * Each takes the arguments after its own name (argv[0] is the subcommand
 * name) and returns the process exit status: 0 success/found, 1 not found,
 * 2 usage or input error (nothing written), and for build 3: written, but
 * some inputs could not be read. Errors are printed by the command as one line on
 * stderr, prefixed "newskg: ".
 */
#pragma once

int nkg_cmd_build (int argc, char **argv);
int nkg_cmd_extract (int argc, char **argv);
int nkg_cmd_merge (int argc, char **argv);
int nkg_cmd_show (int argc, char **argv);
int nkg_cmd_list (int argc, char **argv);
int nkg_cmd_search (int argc, char **argv);
int nkg_cmd_facts (int argc, char **argv);
int nkg_cmd_path (int argc, char **argv);
int nkg_cmd_stats (int argc, char **argv);
int nkg_cmd_shell (int argc, char **argv);
int nkg_cmd_dot (int argc, char **argv);
int nkg_cmd_text (int argc, char **argv);
