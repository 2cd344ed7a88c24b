//
// OptimizationViews: a backend's answer to OptimizeSubgraphView.
// Every layer of the offered subgraph must end up in exactly one of: a substitution, the failed list (Optimize
// gives those layers to the next backend in the preference list), or the untouched list.
//
#pragma once

#include "SubgraphView.hpp"

#include <armnn/INetwork.hpp>

#include <vector>

namespace armnn
{

class OptimizationViews
{
public:
    OptimizationViews();
    OptimizationViews(const OptimizationViews&) = delete;
    OptimizationViews& operator=(const OptimizationViews&) = delete;
    OptimizationViews(OptimizationViews&&) = default;
    OptimizationViews& operator=(OptimizationViews&&) = default;

    /// The replacement has the same boundary as the substituted subgraph: input slot i of the replacement takes
    /// what input slot i of the substituted subgraph took, and output slot i gives what output slot i gave.
    struct SubstitutionPair
    {
        SubgraphView m_SubstitutableSubgraph;
        SubgraphView m_ReplacementSubgraph;
    };

    void AddSubstitution(SubstitutionPair&& substitution) { m_SuccesfulOptimizations.emplace_back(substitution); }
    void AddFailedSubgraph(SubgraphView&& subgraph) { m_FailedOptimizations.emplace_back(subgraph); }
    void AddUntouchedSubgraph(SubgraphView&& subgraph) { m_UntouchedSubgraphs.emplace_back(subgraph); }

    const std::vector<SubstitutionPair>& GetSubstitutions() const { return m_SuccesfulOptimizations; }
    const std::vector<SubgraphView>& GetFailedSubgraphs() const { return m_FailedOptimizations; }
    const std::vector<SubgraphView>& GetUntouchedSubgraphs() const { return m_UntouchedSubgraphs; }

    /// Where the backend creates replacement layers (AddPrecompiledLayer and the like).
    INetwork* GetINetwork() { return m_INetwork.get(); }

private:
    std::vector<SubstitutionPair> m_SuccesfulOptimizations;
    std::vector<SubgraphView> m_FailedOptimizations;
    std::vector<SubgraphView> m_UntouchedSubgraphs;
    INetworkPtr m_INetwork;
};

} // namespace armnn
