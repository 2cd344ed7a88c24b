#include <armnn/Descriptors.hpp>

#include <algorithm>
#include <utility>

namespace armnn
{

// OriginsDescriptor

OriginsDescriptor::OriginsDescriptor() : m_ConcatAxis(1), m_NumViews(0), m_NumDimensions(0) {}

OriginsDescriptor::OriginsDescriptor(uint32_t numViews, uint32_t numDimensions)
    : m_ConcatAxis(1), m_NumViews(numViews), m_NumDimensions(numDimensions),
      m_ViewOrigins(numViews, std::vector<uint32_t>(numDimensions, 0))
{}

OriginsDescriptor::OriginsDescriptor(const OriginsDescriptor& other) = default;

OriginsDescriptor::OriginsDescriptor(OriginsDescriptor&& other) : OriginsDescriptor()
{
    swap(*this, other);
}

OriginsDescriptor::~OriginsDescriptor() = default;

OriginsDescriptor& OriginsDescriptor::operator=(OriginsDescriptor rhs)
{
    swap(*this, rhs);
    return *this;
}

bool OriginsDescriptor::operator==(const OriginsDescriptor& rhs) const
{
    return m_ConcatAxis == rhs.m_ConcatAxis && m_NumViews == rhs.m_NumViews &&
           m_NumDimensions == rhs.m_NumDimensions && m_ViewOrigins == rhs.m_ViewOrigins;
}

Status OriginsDescriptor::SetViewOriginCoord(uint32_t view, uint32_t coord, uint32_t value)
{
    if (view >= m_NumViews)
    {
        throw InvalidArgumentException("OriginsDescriptor::SetViewOriginCoord: view " + std::to_string(view) +
                                       " is out of range (" + std::to_string(m_NumViews) + " views)");
    }
    if (coord >= m_NumDimensions)
    {
        throw InvalidArgumentException("OriginsDescriptor::SetViewOriginCoord: coordinate " + std::to_string(coord) +
                                       " is out of range (" + std::to_string(m_NumDimensions) + " dimensions)");
    }
    m_ViewOrigins[view][coord] = value;
    return Status::Success;
}

const uint32_t* OriginsDescriptor::GetViewOrigin(uint32_t idx) const
{
    if (idx >= m_NumViews)
    {
        throw InvalidArgumentException("OriginsDescriptor::GetViewOrigin: view " + std::to_string(idx) +
                                       " is out of range");
    }
    return m_ViewOrigins[idx].data();
}

void OriginsDescriptor::ReorderOrigins(unsigned int* newOrdering, unsigned int numNewOrdering)
{
    if (numNewOrdering != m_NumViews)
    {
        throw InvalidArgumentException("OriginsDescriptor::ReorderOrigins: ordering size differs from the views");
    }
    std::vector<std::vector<uint32_t>> reordered(m_NumViews);
    for (unsigned int i = 0; i < numNewOrdering; ++i)
    {
        reordered[i] = m_ViewOrigins.at(newOrdering[i]);
    }
    m_ViewOrigins = std::move(reordered);
}

void swap(OriginsDescriptor& first, OriginsDescriptor& second)
{
    using std::swap;
    swap(first.m_ConcatAxis, second.m_ConcatAxis);
    swap(first.m_NumViews, second.m_NumViews);
    swap(first.m_NumDimensions, second.m_NumDimensions);
    swap(first.m_ViewOrigins, second.m_ViewOrigins);
}

// ViewsDescriptor

ViewsDescriptor::ViewsDescriptor() = default;

ViewsDescriptor::ViewsDescriptor(uint32_t numViews, uint32_t numDimensions)
    : m_Origins(numViews, numDimensions), m_ViewSizes(numViews, std::vector<uint32_t>(numDimensions, 0))
{}

ViewsDescriptor::ViewsDescriptor(const ViewsDescriptor& other) = default;

ViewsDescriptor::ViewsDescriptor(ViewsDescriptor&& other) : ViewsDescriptor()
{
    swap(*this, other);
}

ViewsDescriptor::~ViewsDescriptor() = default;

ViewsDescriptor& ViewsDescriptor::operator=(ViewsDescriptor rhs)
{
    swap(*this, rhs);
    return *this;
}

bool ViewsDescriptor::operator==(const ViewsDescriptor& rhs) const
{
    return m_Origins == rhs.m_Origins && m_ViewSizes == rhs.m_ViewSizes && m_IsAxisSet == rhs.m_IsAxisSet &&
           m_Axis == rhs.m_Axis;
}

Status ViewsDescriptor::SetViewOriginCoord(uint32_t view, uint32_t coord, uint32_t value)
{
    return m_Origins.SetViewOriginCoord(view, coord, value);
}

Status ViewsDescriptor::SetViewSize(uint32_t view, uint32_t coord, uint32_t value)
{
    if (view >= GetNumViews() || coord >= GetNumDimensions())
    {
        throw InvalidArgumentException("ViewsDescriptor::SetViewSize: view " + std::to_string(view) +
                                       " or coordinate " + std::to_string(coord) + " is out of range");
    }
    m_ViewSizes[view][coord] = value;
    return Status::Success;
}

const uint32_t* ViewsDescriptor::GetViewSizes(uint32_t idx) const
{
    if (idx >= GetNumViews())
    {
        throw InvalidArgumentException("ViewsDescriptor::GetViewSizes: view " + std::to_string(idx) +
                                       " is out of range");
    }
    return m_ViewSizes[idx].data();
}

void swap(ViewsDescriptor& first, ViewsDescriptor& second)
{
    using std::swap;
    swap(first.m_Origins, second.m_Origins);
    swap(first.m_ViewSizes, second.m_ViewSizes);
    swap(first.m_IsAxisSet, second.m_IsAxisSet);
    swap(first.m_Axis, second.m_Axis);
}

// StridedSliceDescriptor: TensorFlow's semantics for begin/end masks and negative indices.

int StridedSliceDescriptor::GetStartForAxis(const TensorShape& inputShape, unsigned int axis) const
{
    const int dim = static_cast<int>(inputShape[axis]);
    const int stride = m_Stride.at(axis);
    int start = m_Begin.at(axis);
    if (m_BeginMask & (1 << axis))
    {
        start = stride > 0 ? 0 : dim - 1;
    }
    if (start < 0)
    {
        start += dim;
    }
    return stride > 0 ? std::clamp(start, 0, dim) : std::clamp(start, -1, dim - 1);
}

int StridedSliceDescriptor::GetStopForAxis(const TensorShape& inputShape, unsigned int axis, int startForAxis) const
{
    if (m_ShrinkAxisMask & (1 << axis))
    {
        // One element: the stop lies one step past the start in the stride's direction.
        return m_Stride.at(axis) > 0 ? startForAxis + 1 : startForAxis - 1;
    }
    const int dim = static_cast<int>(inputShape[axis]);
    const int stride = m_Stride.at(axis);
    int stop = m_End.at(axis);
    if (m_EndMask & (1 << axis))
    {
        stop = stride > 0 ? dim : -1;
        return stop;
    }
    if (stop < 0)
    {
        stop += dim;
    }
    return stride > 0 ? std::clamp(stop, 0, dim) : std::clamp(stop, -1, dim - 1);
}

} // namespace armnn
