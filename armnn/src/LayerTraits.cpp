#include "LayerTraits.hpp"

#include <armnn/Exceptions.hpp>

namespace armnn
{

std::unique_ptr<BaseDescriptor> CloneDescriptor(LayerType type, const BaseDescriptor& descriptor)
{
    switch (type)
    {
#define D(layerType, desc) \
    case LayerType::layerType: \
    { \
        auto* typed = dynamic_cast<const desc*>(&descriptor); \
        if (typed == nullptr) \
        { \
            throw InvalidArgumentException(std::string("Descriptor of a ") + #layerType + " layer must be a " #desc); \
        } \
        return std::make_unique<desc>(*typed); \
    }
        ARMNN_LAYER_DESCRIPTORS
#undef D
        default: return std::make_unique<NullDescriptor>();
    }
}

namespace
{
template <typename T, typename = void>
struct HasEquality : std::false_type
{};
template <typename T>
struct HasEquality<T, std::void_t<decltype(std::declval<const T&>() == std::declval<const T&>())>> : std::true_type
{};

template <typename Desc>
bool Equal(const BaseDescriptor& a, const BaseDescriptor& b)
{
    if constexpr (HasEquality<Desc>::value)
    {
        return static_cast<const Desc&>(a) == static_cast<const Desc&>(b);
    }
    else
    {
        return false;
    }
}
} // namespace

bool DescriptorsEqual(LayerType type, const BaseDescriptor& a, const BaseDescriptor& b)
{
    switch (type)
    {
#define D(layerType, desc) \
    case LayerType::layerType: return Equal<desc>(a, b);
        ARMNN_LAYER_DESCRIPTORS
#undef D
        default: return true;
    }
}

const LayerTraits* GetLayerTraits(LayerType type)
{
    static const LayerTraitsTable table = [] {
        LayerTraitsTable t(static_cast<size_t>(LayerType::LastLayer) + 1, nullptr);
        RegisterBasicLayers(t);
        RegisterConvolutionLayers(t);
        RegisterElementwiseLayers(t);
        RegisterShapeLayers(t);
        RegisterNormalizationLayers(t);
        RegisterDetectionLayers(t);
        RegisterRecurrentLayers(t);
        return t;
    }();
    const auto index = static_cast<size_t>(type);
    return index < table.size() ? table[index] : nullptr;
}

} // namespace armnn
