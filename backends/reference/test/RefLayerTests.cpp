#include "LayerTestUtils.hpp"

using armnn::test::LayerTest;

// The shared per-layer suite, on CpuRef.
INSTANTIATE_TEST_SUITE_P(CpuRef, LayerTest, ::testing::Values("CpuRef"));
