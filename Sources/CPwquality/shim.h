#ifndef SOTTO_CPWQUALITY_SHIM_H
#define SOTTO_CPWQUALITY_SHIM_H
#include <pwquality.h>
#endif
