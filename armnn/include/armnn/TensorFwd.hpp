#pragma once

namespace armnn
{
class TensorShape;
class TensorInfo;
class Tensor;
class ConstTensor;
} // namespace armnn
