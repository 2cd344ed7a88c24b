//
// CpuRef: the reference backend. Plain kernels, readable rather than fast; the oracle every other backend is
// tested against and the last-resort fallback.
//
#include "RefKernels.hpp"

#include <armnn/backends/DynamicBackend.hpp>
#include <armnn/backends/KernelRegistry.hpp>

namespace armnn
{
namespace ref
{

class RefBackend final : public KernelTableBackend
{
public:
    RefBackend() : KernelTableBackend("CpuRef", RefKernelTable()) {}
};

} // namespace ref
} // namespace armnn

ARMNN_DEFINE_BACKEND_PLUGIN(armnn::ref::RefBackend, "CpuRef")
