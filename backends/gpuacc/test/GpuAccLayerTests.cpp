#include "LayerTestUtils.hpp"

using armnn::test::LayerTest;

// The shared per-layer suite, on GpuAcc (on PoCL in CI): every GpuAcc kernel runs the cases CpuRef runs; the layers
// GpuAcc does not take skip with its reason.
INSTANTIATE_TEST_SUITE_P(GpuAcc, LayerTest, ::testing::Values("GpuAcc"));
