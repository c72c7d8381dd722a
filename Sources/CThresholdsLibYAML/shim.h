#ifndef C_THRESHOLDS_LIBYAML_SHIM_H
#define C_THRESHOLDS_LIBYAML_SHIM_H
#include <yaml.h>
#endif
