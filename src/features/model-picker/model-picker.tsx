import { memo, useCallback } from 'react';
import { SearchCombobox } from '../../components/search-combobox';
import { formatParams, formatTokens } from '../../domain/format';
import { searchModels } from '../../domain/search';
import type { ModelSpec } from '../../domain/types';
import { useCatalog, useSelected } from '../../results/results-provider';
import { useAppStore } from '../../state/store';

/** "8.03B", or "671B · A37B" for a mixture of experts with a published active count. */
function paramsText(m: ModelSpec): string {
  const total = formatParams(m.totalParams);
  return m.activeParams !== null && m.arch.moe
    ? `${total} · A${formatParams(m.activeParams)}`
    : total;
}

/** Searchable model picker: tolerant of spacing and punctuation ("gptoss", "qwen 14"). */
export function ModelPicker() {
  const { models } = useCatalog();
  return <ModelPickerBox models={models} model={useSelected().resolved.model} />;
}

/** Re-renders only when the model changes, not on every slider step. */
const ModelPickerBox = memo(function ModelPickerBox({
  models,
  model,
}: {
  models: readonly ModelSpec[];
  model: ModelSpec;
}) {
  const search = useCallback((q: string) => searchModels(models, q), [models]);
  return (
    <SearchCombobox<ModelSpec>
      inputId="model-picker"
      label="Model"
      currentText={model.name}
      currentMeta={`${model.publisher} · ${paramsText(model)}`}
      placeholder={`Search ${models.length} models (“qwen 14”, “gptoss”)`}
      search={search}
      keyOf={(m) => m.id}
      listLabel="Models"
      noun="model"
      renderOption={(m) => (
        <>
          <span className="combo__name">{m.name}</span>
          <span className="combo__meta muted small">
            {m.publisher} · {paramsText(m)} · {formatTokens(m.maxContextTokens)} context
          </span>
        </>
      )}
      onChoose={(m) => useAppStore.getState().selectModel(m)}
    />
  );
});
