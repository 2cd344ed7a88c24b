#include "LayerTestUtils.hpp"

using armnn::test::LayerTest;

// The shared per-layer suite, on CpuAcc: every CpuAcc kernel runs the cases CpuRef runs; the layers CpuAcc does
// not take skip with its reason.
INSTANTIATE_TEST_SUITE_P(CpuAcc, LayerTest, ::testing::Values("CpuAcc"));
